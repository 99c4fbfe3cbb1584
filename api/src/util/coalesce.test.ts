import { ReadCoalescer } from './coalesce';

/** A load whose completion the test controls. */
function controlledLoads() {
  const pending: { resolve: (value: number) => void }[] = [];
  let started = 0;
  const load = () =>
    new Promise<number>((resolve) => {
      started += 1;
      pending.push({ resolve });
    });
  return { load, pending, started: () => started };
}

describe('ReadCoalescer', () => {
  it('serves a burst of concurrent reads of one key with at most two loads', async () => {
    const coalescer = new ReadCoalescer<number>();
    const { load, pending, started } = controlledLoads();
    const first = coalescer.read('plan', load);
    const burst = Array.from({ length: 200 }, () => coalescer.read('plan', load));
    expect(started()).toBe(1);
    pending[0]!.resolve(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started()).toBe(2);
    pending[1]!.resolve(2);
    // Callers that arrived while load 1 ran get load 2, which started after them: never older data.
    expect(new Set(await Promise.all(burst))).toEqual(new Set([2]));
  });

  it('keeps keys apart and holds nothing once reads finish (a failed read is not shared later)', async () => {
    const coalescer = new ReadCoalescer<number>();
    let calls = 0;
    await expect(coalescer.read('a', () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down');
    expect(await coalescer.read('a', async () => ++calls)).toBe(1);
    expect(await coalescer.read('b', async () => ++calls)).toBe(2);
    expect(await coalescer.read('a', async () => ++calls)).toBe(3);
  });
});
