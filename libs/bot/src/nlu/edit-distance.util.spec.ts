import { editDistance } from './edit-distance.util';

describe('editDistance', () => {
  it.each([
    ['python', 'python', 0],
    ['python', 'pyton', 1],
    ['python', 'pythons', 1],
    ['python', 'pyhton', 1],
    ['python', 'pythno', 1],
    ['development', 'developement', 1],
    ['shanghai', 'beijing', 3],
  ])('%s ~ %s = %d (capped at max 2 → 3)', (a, b, d) => {
    expect(editDistance(a, b, 2)).toBe(Math.min(d, 3));
  });

  it('stops early once over the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(editDistance('a', 'abcd', 1)).toBe(2);
  });
});
