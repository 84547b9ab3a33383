/**
 * Plain inputs to the feature encoder. Callers (ingest, planner, synthetic world) compute these from the
 * database; the encoder never queries anything. Counts and minutes are over the same look-back window the
 * caller uses for training and scoring (90 days by convention) so that train and serve agree.
 */
export interface LearnerFeatures {
  /** Online events (item starts, completions, quiz attempts) in the look-back window. */
  onlineActivityCount: number;
  /** Minutes spent on online items in the look-back window. */
  onlineMinutes: number;
  /** Completed ÷ started online items, 0..1. */
  completionRate: number;
  /** Mean quiz score, 0..1 (0.5 when the learner never took a quiz — the caller decides). */
  quizMean: number;
  /** Days since the last online activity. */
  recencyDays: number;
  /** Longest run of consecutive active days in the window. */
  streakDays: number;
  /** Paid online courses bought. */
  coursesBought: number;
  city: string;
  /** Preferred language, BCP 47 primary tag ('de', 'en', …). */
  language: string;
}

/**
 * What is being suggested: an offline session, or an online item described in the same shape. Online items
 * have no schedule, place or instructor, so those fields are null and encode as "absent" (all zeros plus a
 * missing flag where a value would otherwise be ambiguous).
 */
export interface SessionFeatures {
  topic: string;
  /** 'workshop' | 'lecture' | 'study-group' | 'field-trip' | 'online' … (open vocabulary). */
  format: string;
  /** 0 = Monday … 6 = Sunday; null for online items. */
  weekday: number | null;
  /** Local start hour 0..23 (fractions allowed); null for online items. */
  hour: number | null;
  /** Price in the tenant's currency; 0 when free or included in the course. */
  price: number;
  /** Seats; null when unlimited (online items). */
  capacity: number | null;
  /** Distance between the learner's city and the venue; null for online items. */
  distanceKm: number | null;
  /** Instructor id; null when none. */
  instructor: string | null;
}

/** Facts about this learner and this session/item together. */
export interface PairFeatures {
  /** Share of the learner's bought courses on the session's topic, 0..1. */
  topicMatch: number;
  /** Offline sessions the learner attended before this one. */
  pastOfflineAttendanceCount: number;
  /** Mean of the learner's earlier offline ratings (1..5); null when the learner never rated. */
  pastMeanRating: number | null;
}

/** One learner × session (or online item) pair, the unit the model scores. */
export interface FeatureInput {
  learner: LearnerFeatures;
  session: SessionFeatures;
  pair: PairFeatures;
}
