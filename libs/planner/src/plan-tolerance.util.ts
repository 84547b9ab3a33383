/**
 * Comparisons shared by the pre-checks, the plan extraction and the verifier. HiGHS accepts rows violated by up
 * to its primal feasibility tolerance (1e-7), so attendance gets a slightly looser absolute slack; sums of costs
 * only need to survive floating-point addition.
 */
const ATTENDANCE_SLACK = 1e-6;
const RELATIVE_SLACK = 1e-9;

export function atMost(value: number, limit: number): boolean {
  return value <= limit + RELATIVE_SLACK * Math.max(1, Math.abs(limit));
}

export function meetsAttendance(expected: number, minimum: number): boolean {
  return expected >= minimum - ATTENDANCE_SLACK * Math.max(1, minimum);
}
