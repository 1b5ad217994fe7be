// The one seeded generator of gosim (mulberry32): every run's scheduling choices, select
// picks and map orders come from it, so a seed replays a run exactly. Tests that generate
// programs use it too, so a failing case can be replayed from its seed.

/** A deterministic source of uniform numbers in [0, 1) for a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
