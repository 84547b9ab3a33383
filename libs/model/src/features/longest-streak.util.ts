/**
 * The longest run of consecutive days with activity (the `streakDays` feature); `days` are whole-day numbers.
 * Example: `longestStreak(new Set([3, 4, 5, 9]))` is 3.
 */
export function longestStreak(days: Set<number>): number {
  const sorted = [...days].sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === sorted[i - 1] + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}
