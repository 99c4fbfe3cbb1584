import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes through a temporary file and a rename, so a concurrent reader never sees half a PEM. */
export async function writeFileAtomic(path: string, data: string, mode = 0o644): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, data, { mode });
  await rename(temporary, path);
}

/**
 * Runs `work` while holding a lock directory inside `dir`. Several processes (jest workers, the
 * stack and a test run) may create the local CA at the same moment; without the lock two CAs could
 * be written and a server certificate end up signed by the one that lost the race.
 */
export async function withDirectoryLock<T>(dir: string, work: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  await mkdir(dir, { recursive: true });
  const lock = join(dir, '.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than the timeout belongs to a process that died mid-way.
      const age = await stat(lock).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > timeoutMs) await rm(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock ${lock}`);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
