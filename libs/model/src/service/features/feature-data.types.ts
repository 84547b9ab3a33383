/**
 * Rows the feature builder reads from the database, already converted to plain values (dates as epoch ms,
 * booleans as booleans) so the pure parts never see driver differences between SQLite and PostgreSQL.
 */
export interface LearnerRow {
  id: string;
  city: string | null;
  locale: string | null;
  createdAt: number;
}

export interface CourseRow {
  id: string;
  externalId: string;
  title: string;
  topic: string;
}

/** One non-voided learning event (libs/ingest `learning_event`). */
export interface OnlineEventRow {
  learnerId: string;
  courseRef: string | null;
  activityId: string;
  type: string;
  at: number;
  durationSeconds: number | null;
  scoreScaled: number | null;
  scoreRaw: number | null;
  completion: boolean | null;
}

/** What the session features need from an offline session or a plan candidate. */
export interface SessionFacts {
  id: string;
  topic: string;
  format: string;
  city: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  priceMinor: number;
  capacity: number;
  instructorName: string | null;
  courseId: string | null;
}

/** One booking of an offline session with whatever is known about its outcome. */
export interface OfflineOutcomeRow {
  bookingId: string;
  learnerId: string;
  bookedAt: number;
  bookingStatus: string;
  session: SessionFacts;
  attendance: 'present' | 'absent' | 'late' | null;
  attendanceAt: number | null;
  rating: number | null;
  ratedAt: number | null;
  /** Whether anyone's attendance was recorded for the session (otherwise silence means "not recorded"). */
  sessionHasAttendance: boolean;
}

export interface TenantFeatureData {
  learners: Map<string, LearnerRow>;
  /** By course id and by external id (learning events name courses by the LMS's id). */
  courses: Map<string, CourseRow>;
  events: Map<string, OnlineEventRow[]>;
  outcomes: Map<string, OfflineOutcomeRow[]>;
  /** Distinct activities seen per course across the tenant: the denominator of "finished 80% of a course". */
  activitiesPerCourse: Map<string, number>;
  /** False when the ingest tables are absent: online features then stay at their neutral values. */
  onlineDataAvailable: boolean;
}
