import type { LabelledExample } from '../data/labelled-example';

/**
 * Plain records of a generated world, shaped for a database seeder: string ids, Date timestamps, foreign keys
 * by id. Nothing here is a class, so the whole world can be JSON-serialised or inserted row by row.
 */
export interface SyntheticLearner {
  id: string;
  name: string;
  email: string;
  city: string;
  language: string;
  homeLat: number;
  homeLon: number;
  createdAt: Date;
}

export interface SyntheticCourse {
  id: string;
  title: string;
  topic: string;
  language: string;
  price: number;
}

export interface SyntheticPurchase {
  learnerId: string;
  courseId: string;
  purchasedAt: Date;
}

export interface SyntheticOnlineItem {
  id: string;
  courseId: string;
  topic: string;
  kind: string;
  title: string;
  minutes: number;
}

export type OnlineEventType = 'item_started' | 'item_completed' | 'quiz_submitted' | 'item_rated';

export interface SyntheticOnlineEvent {
  id: string;
  learnerId: string;
  itemId: string;
  type: OnlineEventType;
  /** Id of the item_started event of the same visit (its own id for item_started). */
  visitId: string;
  at: Date;
  /** Minutes spent (item_started: the whole visit). */
  minutes?: number;
  /** quiz_submitted: 0..1. */
  score?: number;
  /** item_rated: 1..5. */
  stars?: number;
}

export interface SyntheticInstructor {
  id: string;
  name: string;
  city: string;
}

export interface SyntheticSession {
  id: string;
  title: string;
  topic: string;
  format: string;
  city: string;
  venueLat: number;
  venueLon: number;
  startsAt: Date;
  /** 0 = Monday … 6 = Sunday, local. */
  weekday: number;
  hour: number;
  durationMinutes: number;
  price: number;
  capacity: number;
  instructorId: string;
}

export interface SyntheticBooking {
  id: string;
  learnerId: string;
  sessionId: string;
  bookedAt: Date;
}

export interface SyntheticAttendance {
  bookingId: string;
  learnerId: string;
  sessionId: string;
  attended: boolean;
  checkedInAt: Date | null;
}

export interface SyntheticRating {
  bookingId: string;
  learnerId: string;
  sessionId: string;
  stars: number;
  ratedAt: Date;
}

/** What the generator knows and a model must not see: used by tests to compare against the oracle. */
export interface SyntheticGroundTruth {
  learnerGenerosity: Record<string, number>;
  instructorQuality: Record<string, number>;
  /** True P(satisfied) per booking id. */
  offlineProbability: Record<string, number>;
  /** True P(satisfied) per item_started event id. */
  onlineProbability: Record<string, number>;
}

export interface SyntheticWorld {
  seed: number;
  start: Date;
  end: Date;
  learners: SyntheticLearner[];
  courses: SyntheticCourse[];
  purchases: SyntheticPurchase[];
  onlineItems: SyntheticOnlineItem[];
  onlineEvents: SyntheticOnlineEvent[];
  instructors: SyntheticInstructor[];
  sessions: SyntheticSession[];
  bookings: SyntheticBooking[];
  attendance: SyntheticAttendance[];
  ratings: SyntheticRating[];
  truth: SyntheticGroundTruth;
}

export interface SyntheticWorldOptions {
  seed?: number;
  learners?: number;
  /** Offline sessions; defaults to half the number of learners. */
  sessions?: number;
  /** Courses per topic. */
  coursesPerTopic?: number;
  itemsPerCourse?: number;
  /** Mean online item starts per learner per week (each learner's own rate varies around it). */
  onlineStartsPerWeek?: number;
  /** Mean offline bookings per learner over the whole period. */
  bookingsPerLearner?: number;
  start?: Date;
  days?: number;
}

/** A labelled example plus the true probability behind its label (for oracle comparisons). */
export interface SyntheticExample extends LabelledExample {
  trueProbability: number;
  learnerId: string;
  /** Booking id (offline examples) or item_started event id (online examples). */
  sourceId: string;
}
