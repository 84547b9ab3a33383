import type { LearnerFeatures, PairFeatures } from '../../features/feature-input';
import type { CourseRow, LearnerRow, OfflineOutcomeRow, OnlineEventRow } from './feature-data.types';
import { longestStreak } from '../../features/longest-streak.util';

export const DAY_MS = 86_400_000;
/** Look-back window of the learner activity features (the convention FEATURE_LIST documents). */
export const LOOK_BACK_DAYS = 90;

/** Event kinds that are about buying or joining a course, not about learning in it. */
const ENROLMENT = new Set(['purchased', 'enrolled']);
const STARTS = new Set(['launched', 'attempted']);
const COMPLETIONS = new Set(['completed', 'passed', 'media_completed']);

export interface TimelineOptions {
  /** Observation point: only each course's first `courseDays` days of the learner's activity count. */
  courseDays?: number;
}

/** One online item visit: a launch and what followed it on the same activity until the next launch. */
export interface OnlineVisit {
  activityId: string;
  courseRef: string | null;
  start: number;
  doneAt: number;
  completed: boolean;
  stars: number | null;
}

/**
 * One learner's history with point-in-time features: "at t" only counts what happened strictly before t, so
 * training examples see what a deployed ranker could have known when it suggested the session. The same code
 * serves training (t = booking time) and suggestions (t = now), so train and serve cannot drift apart.
 */
export class LearnerTimeline {
  private readonly activity: OnlineEventRow[] = [];
  private readonly enrolments: OnlineEventRow[] = [];

  constructor(
    readonly learner: LearnerRow,
    events: readonly OnlineEventRow[],
    private readonly outcomes: readonly OfflineOutcomeRow[],
    private readonly courses: ReadonlyMap<string, CourseRow>,
    options: TimelineOptions = {},
  ) {
    const firstInCourse = new Map<string, number>();
    for (const e of events) {
      if (e.courseRef && !firstInCourse.has(e.courseRef)) firstInCourse.set(e.courseRef, e.at);
    }
    const horizon = options.courseDays === undefined ? Infinity : options.courseDays * DAY_MS;
    for (const e of events) {
      if (ENROLMENT.has(e.type)) this.enrolments.push(e);
      else if (!e.courseRef || e.at < firstInCourse.get(e.courseRef)! + horizon) this.activity.push(e);
    }
  }

  learnerFeatures(t: number): LearnerFeatures {
    const from = t - LOOK_BACK_DAYS * DAY_MS;
    let count = 0;
    let seconds = 0;
    let started = 0;
    let completed = 0;
    let quizSum = 0;
    let quizCount = 0;
    let last = this.learner.createdAt;
    const days = new Set<number>();
    for (const e of this.activity) {
      if (e.at >= t) break; // events are sorted by time
      last = Math.max(last, e.at);
      if (e.at < from) continue;
      count++;
      days.add(Math.floor(e.at / DAY_MS));
      if (e.durationSeconds !== null && e.durationSeconds > 0) seconds += e.durationSeconds;
      if (STARTS.has(e.type)) started++;
      else if (COMPLETIONS.has(e.type)) completed++;
      if (e.scoreScaled !== null && e.type !== 'rated') {
        quizSum += e.scoreScaled;
        quizCount++;
      }
    }
    return {
      onlineActivityCount: count,
      onlineMinutes: Math.round(seconds / 60),
      // Laplace-smoothed so one started item does not read as 0 % or 100 %; capped for completions without a launch.
      completionRate: Math.min(1, (completed + 1) / (started + 2)),
      quizMean: quizCount ? quizSum / quizCount : 0.5,
      recencyDays: Math.max(0, (t - last) / DAY_MS),
      streakDays: longestStreak(days),
      coursesBought: this.enrolments.filter((e) => e.type === 'purchased' && e.at < t).length,
      city: this.learner.city ?? '',
      language: primaryLanguage(this.learner.locale),
    };
  }

  pairFeatures(topic: string, t: number): PairFeatures {
    const topics = this.courseTopics(t);
    let attended = 0;
    let ratingSum = 0;
    let ratingCount = 0;
    for (const o of this.outcomes) {
      if (o.session.startsAt.getTime() < t && attendedOutcome(o)) attended++;
      if (o.rating !== null && o.ratedAt !== null && o.ratedAt < t) {
        ratingSum += o.rating;
        ratingCount++;
      }
    }
    return {
      topicMatch: topics.length ? topics.filter((x) => x === topic).length / topics.length : 0,
      pastOfflineAttendanceCount: attended,
      pastMeanRating: ratingCount ? ratingSum / ratingCount : null,
    };
  }

  /** Anything at all before t: without it the model has nothing learner-specific and cold start applies. */
  hasHistory(t: number): boolean {
    return (
      (this.activity.length > 0 && this.activity[0].at < t) ||
      (this.enrolments.length > 0 && this.enrolments[0].at < t) ||
      this.outcomes.some((o) => o.session.startsAt.getTime() < t)
    );
  }

  /**
   * Topics of the learner's courses before t, one entry per course: bought or enrolled courses, else the
   * courses the learner was active in (LMS data often has activity but no purchase record).
   */
  courseTopics(t: number): (string | null)[] {
    return this.courseRefs(t).map((ref) => this.courses.get(ref)?.topic ?? null);
  }

  /** The learner's best progress in a course on `topic`: distinct activities completed ÷ activities in the course. */
  courseProgress(topic: string, t: number, activitiesPerCourse: ReadonlyMap<string, number>): { course: CourseRow; share: number } | null {
    let best: { course: CourseRow; share: number } | null = null;
    for (const ref of this.courseRefs(t)) {
      const course = this.courses.get(ref);
      const total = activitiesPerCourse.get(ref) ?? 0;
      if (!course || course.topic !== topic || total === 0) continue;
      const done = new Set(this.activity.filter((e) => e.courseRef === ref && e.at < t && COMPLETIONS.has(e.type)).map((e) => e.activityId));
      const share = Math.min(1, done.size / total);
      if (!best || share > best.share) best = { course, share };
    }
    return best;
  }

  /** Launches and what followed on the same activity until its next launch: the online head's examples. */
  onlineVisits(): OnlineVisit[] {
    const open = new Map<string, OnlineVisit>();
    const visits: OnlineVisit[] = [];
    for (const e of this.activity) {
      if (e.type === 'launched') {
        const visit: OnlineVisit = { activityId: e.activityId, courseRef: e.courseRef, start: e.at, doneAt: e.at, completed: false, stars: null };
        open.set(e.activityId, visit);
        visits.push(visit);
        continue;
      }
      const visit = open.get(e.activityId);
      if (!visit) continue;
      if (COMPLETIONS.has(e.type)) [visit.completed, visit.doneAt] = [true, e.at];
      if (e.type === 'rated') {
        const stars = starsOf(e);
        if (stars !== null) [visit.stars, visit.doneAt] = [stars, e.at];
      }
    }
    return visits;
  }

  private courseRefs(t: number): string[] {
    const refs = new Set(this.enrolments.filter((e) => e.at < t && e.courseRef).map((e) => e.courseRef as string));
    if (refs.size === 0) {
      for (const e of this.activity) {
        if (e.at >= t) break;
        if (e.courseRef) refs.add(e.courseRef);
      }
    }
    return [...refs];
  }
}

/** Attended = present or late (or the booking says so when the attendance row came from elsewhere). */
export function attendedOutcome(o: OfflineOutcomeRow): boolean {
  return o.attendance === 'present' || o.attendance === 'late' || (o.attendance === null && o.bookingStatus === 'attended');
}

/** A 1–5 rating from a `rated` event: the raw value when it is on that scale, else from the 0–1 scaled score. */
export function starsOf(e: Pick<OnlineEventRow, 'scoreRaw' | 'scoreScaled'>): number | null {
  if (e.scoreRaw !== null && e.scoreRaw >= 1 && e.scoreRaw <= 5) return e.scoreRaw;
  if (e.scoreScaled !== null) return 1 + 4 * Math.min(1, Math.max(0, e.scoreScaled));
  return null;
}

export function primaryLanguage(locale: string | null): string {
  return locale ? locale.split(/[-_]/)[0].toLowerCase() : 'unknown';
}
