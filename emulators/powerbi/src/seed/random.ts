import { createHash } from 'node:crypto';

/** Deterministic pseudo-random numbers (mulberry32) seeded by a name, so the sample tenant is the same everywhere. */
export function seededRandom(name: string): () => number {
  let state = createHash('sha1').update(name).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of a list, picked by a random number. */
export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length) % items.length] as T;
}
