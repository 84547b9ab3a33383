/** Time source for scheduling; the host binds it to the domain clock so tests can move time. */
export interface JobClock {
  now(): Date;
}
export const JOB_CLOCK = Symbol('JOB_CLOCK');
export const systemJobClock: JobClock = { now: () => new Date() };
