import { randomSplit, temporalSplit } from './data-split';

describe('splits', () => {
  it('random split is a seeded partition', () => {
    const a = randomSplit(100, 0.2, 7);
    expect(a.test).toHaveLength(20);
    expect(new Set([...a.train, ...a.test]).size).toBe(100);
    expect(Array.from(randomSplit(100, 0.2, 7).test)).toEqual(Array.from(a.test));
    expect(Array.from(randomSplit(100, 0.2, 8).test)).not.toEqual(Array.from(a.test));
  });

  it('temporal split trains on the earlier outcomes', () => {
    const timestamps = [50, 10, 40, 20, 30];
    const { train, test } = temporalSplit(timestamps, 0.4);
    expect(Array.from(train)).toEqual([1, 3, 4]);
    expect(Array.from(test)).toEqual([2, 0]);
    expect(() => temporalSplit(timestamps, 1)).toThrow(/testFraction/);
  });
});
