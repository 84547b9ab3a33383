import type { SessionFormat } from './offline-session.entity';

export interface CreateSessionInput {
  title: string;
  description?: string;
  topic: string;
  courseId?: string | null;
  venueId?: string | null;
  format: SessionFormat;
  city: string;
  instructorName?: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number;
  waitlistLimit?: number;
  priceMinor?: number;
  currency?: string;
  language?: string;
}

export type UpdateSessionInput = Partial<CreateSessionInput>;

export interface SessionFilter {
  courseId?: string;
  topic?: string;
  city?: string;
  from?: Date;
  to?: Date;
  status?: string;
  limit?: number;
  offset?: number;
}
