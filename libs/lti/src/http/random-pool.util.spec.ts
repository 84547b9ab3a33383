import { randomFromPool } from './random-pool.util';

describe('randomFromPool', () => {
  it('hands out values of the asked length, never the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    // 3 × 4 KiB: crosses two refills, with a size that does not divide the pool.
    for (let i = 0; i < 400; i += 1) {
      const value = randomFromPool(32);
      expect(value).toHaveLength(32);
      seen.add(value.toString('hex'));
    }
    expect(seen.size).toBe(400);
  });

  it('returns copies: changing a value does not change the next one', () => {
    const a = randomFromPool(16);
    const before = Buffer.from(a);
    a.fill(7);
    expect(randomFromPool(16).equals(before)).toBe(false);
    expect(randomFromPool(16).equals(a)).toBe(false);
  });

  it('refuses more than a pool at once', () => {
    expect(() => randomFromPool(5000)).toThrow(RangeError);
  });
});
