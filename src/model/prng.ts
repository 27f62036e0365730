/**
 * mulberry32: a small, fast seeded PRNG (32-bit state, period 2^32), so a simulation run
 * with the same seed gives the same numbers in every host: the arithmetic is 32-bit integer
 * operations, which JavaScript defines exactly. Returns floats in [0, 1).
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
