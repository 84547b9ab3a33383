import type { Learner } from '../learners/learner.entity';
import type { OfflineSession } from '../sessions/offline-session.entity';

export interface SuggestionFilters {
  limit?: number;
  city?: string;
  courseId?: string;
  from?: Date;
  to?: Date;
  /**
   * The topics of every session the learner ever booked, when the caller already read them in its own query (the
   * LTI course page); rankers that use booking history take it instead of reading it again.
   */
  knownPastTopics?: ReadonlySet<string>;
}

/** One offline session suggested to one learner, with why, in both languages. */
export interface Suggestion {
  session: OfflineSession;
  /** 0–1; the model's P(satisfied) when a model is live, a heuristic otherwise. */
  score: number;
  /** True when the session is full and booking would join the waitlist. */
  waitlist: boolean;
  reason: { en: string; 'zh-CN': string };
  /** Machine-readable reasons (e.g. 'course_match', 'same_city', 'popular'). */
  reasonCodes: string[];
}

/**
 * Orders eligible sessions for a learner. The default ranks by course and city match; the engine replaces it
 * with the satisfaction model by providing another class for this token.
 */
export abstract class SuggestionRanker {
  abstract rank(learner: Learner, candidates: OfflineSession[], filters: SuggestionFilters): Promise<Suggestion[]>;
}
