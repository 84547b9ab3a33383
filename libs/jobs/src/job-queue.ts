import type { EntityManager } from 'typeorm';

export interface EnqueueOptions {
  /** A second enqueue with the same key returns the first job instead of creating another. */
  idempotencyKey?: string;
  /** Not before this instant (reminders, backoff, schedules). */
  runAt?: Date;
  /** Total attempts including the first; defaults to JOBS_DEFAULT_ATTEMPTS. */
  attempts?: number;
  /** Enqueue inside the caller's transaction (outbox): the job exists if and only if the change commits. */
  manager?: EntityManager;
}

export interface EnqueuedJob {
  id: string;
  deduplicated: boolean;
}

export type JobState = 'queued' | 'running' | 'completed' | 'dead';

export interface JobView {
  id: string;
  name: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  progress: number;
  progressMessage: string | null;
  lastError: string | null;
  result: unknown;
  runAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface JobContext {
  id: string;
  name: string;
  attempt: number;
  maxAttempts: number;
  /** 0–100, shown to whoever polls the job (e.g. a training run). */
  reportProgress(percent: number, message?: string): Promise<void>;
}

export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<unknown>;

export interface QueueStatus {
  driver: 'database' | 'bullmq';
  healthy: boolean;
  counts: Partial<Record<JobState, number>>;
  error?: string;
}

/**
 * The one mechanism for background work (LMS sync, reminders, training).
 * Example:
 * ```ts
 * jobs.register('reminder.send', async (p: { bookingId: string }) => { ... });
 * await jobs.enqueue('reminder.send', { bookingId }, { idempotencyKey: `reminder:${bookingId}:24h`, runAt });
 * ```
 */
export abstract class JobQueue {
  abstract enqueue<P>(name: string, payload: P, options?: EnqueueOptions): Promise<EnqueuedJob>;
  abstract register<P>(name: string, handler: JobHandler<P>): void;
  /** Starts taking jobs in this process (host by default, or apps/worker). */
  abstract startWorking(): Promise<void>;
  abstract stop(): Promise<void>;
  abstract get(id: string): Promise<JobView | null>;
  abstract status(): Promise<QueueStatus>;
}

/** Thrown by a handler when retrying cannot help (a 4xx from an LMS): the job goes straight to dead letters. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** Exponential backoff with full jitter, capped at one hour. */
export function backoffDelay(baseMs: number, attempt: number, random = Math.random): number {
  const ceiling = Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
