import { longestStreak } from './longest-streak.util';

describe('longestStreak', () => {
  it('counts the longest run of consecutive days, in any order', () => {
    expect(longestStreak(new Set([9, 3, 5, 4]))).toBe(3);
    expect(longestStreak(new Set([1, 3, 5]))).toBe(1);
    expect(longestStreak(new Set())).toBe(0);
  });
});
