import { createHash } from 'node:crypto';
import type { LabelledExample } from '../../data/labelled-example';
import type { OfflineOutcomeRow, TenantFeatureData } from './feature-data.types';
import { offlineInput, onlineItemFeatures } from './feature-input.factory';
import { attendedOutcome, DAY_MS, LearnerTimeline, TimelineOptions } from './learner-timeline';

/** A rating of 4 or 5 of 5 is "satisfied" (PRODUCT.md: attended and rated ≥ 4). */
export const SATISFIED_RATING = 4;

export interface TrainingSetOptions extends TimelineOptions {
  /** Observation point: nothing at or after it counts, neither as a feature nor as a label. */
  asOf: Date;
  /** An attended session without a rating (or an online visit without an outcome) is a 0 only after this many days. */
  graceDays?: number;
}

export interface TrainingSet {
  examples: LabelledExample[];
  /** Stable key per example (booking id or learner + activity + start), same order as `examples`. */
  keys: string[];
  offline: { count: number; positives: number };
  online: { count: number; positives: number };
  /** Outcomes not labelled yet (attended but not rated within the grace period, attendance not recorded). */
  pending: number;
  /** SHA-256 over the examples in order: two versions trained on the same snapshot share it. */
  snapshotHash: string;
  onlineDataAvailable: boolean;
}

/**
 * Labelled examples from stored data. Offline head: one example per booking of a session that ended before the
 * observation point — 1 when the learner attended and rated it ≥ 4, 0 when they did not come, rated it ≤ 3, or
 * never rated it within the grace period; features as of the booking. Online head: one example per item visit
 * (launch → completion and rating on the same activity), 1 when completed and rated ≥ 4; features as of the launch.
 */
export function buildTrainingExamples(data: TenantFeatureData, options: TrainingSetOptions): TrainingSet {
  const asOf = options.asOf.getTime();
  const grace = (options.graceDays ?? 7) * DAY_MS;
  const rows: { key: string; example: LabelledExample }[] = [];
  let pending = 0;
  for (const learner of data.learners.values()) {
    const outcomes = data.outcomes.get(learner.id) ?? [];
    const timeline = new LearnerTimeline(learner, data.events.get(learner.id) ?? [], outcomes, data.courses, options);
    for (const o of outcomes) {
      const label = offlineLabel(o, asOf, grace);
      if (label === undefined) continue;
      if (label === null) {
        pending++;
        continue;
      }
      const example: LabelledExample = {
        input: offlineInput(timeline, o.session, Math.min(o.bookedAt, asOf)),
        offlineLabel: label.value,
        onlineLabel: null,
        timestamp: label.at,
      };
      rows.push({ key: `b:${o.bookingId}`, example });
    }
    for (const visit of timeline.onlineVisits()) {
      if (visit.start + grace >= asOf) continue;
      const satisfied = visit.completed && visit.stars !== null && visit.stars >= SATISFIED_RATING && visit.doneAt < asOf;
      const topic = (visit.courseRef && data.courses.get(visit.courseRef)?.topic) || 'unknown';
      const example: LabelledExample = {
        input: { learner: timeline.learnerFeatures(visit.start), session: onlineItemFeatures(topic), pair: timeline.pairFeatures(topic, visit.start) },
        offlineLabel: null,
        onlineLabel: satisfied ? 1 : 0,
        timestamp: Math.min(visit.doneAt, asOf - 1),
      };
      rows.push({ key: `v:${learner.id}:${visit.activityId}:${visit.start}`, example });
    }
  }
  rows.sort((a, b) => a.example.timestamp - b.example.timestamp || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const examples = rows.map((r) => r.example);
  const hash = createHash('sha256');
  for (const r of rows) {
    hash.update(JSON.stringify([r.key, r.example.timestamp, r.example.offlineLabel, r.example.onlineLabel, r.example.input]));
  }
  const count = (head: 'offlineLabel' | 'onlineLabel') => ({
    count: examples.filter((e) => e[head] !== null).length,
    positives: examples.filter((e) => e[head] === 1).length,
  });
  return {
    examples,
    keys: rows.map((r) => r.key),
    offline: count('offlineLabel'),
    online: count('onlineLabel'),
    pending,
    snapshotHash: hash.digest('hex'),
    onlineDataAvailable: data.onlineDataAvailable,
  };
}

/**
 * undefined: not an outcome (session not over, booking not live). null: an outcome whose label is not known yet.
 * Otherwise the label and when it became known.
 */
function offlineLabel(o: OfflineOutcomeRow, asOf: number, grace: number): { value: 0 | 1; at: number } | null | undefined {
  const ended = o.session.endsAt.getTime();
  if (ended >= asOf || !['confirmed', 'attended', 'no_show'].includes(o.bookingStatus)) return undefined;
  const rated = o.rating !== null && o.ratedAt !== null && o.ratedAt < asOf;
  if (attendedOutcome(o)) {
    if (rated) return { value: o.rating! >= SATISFIED_RATING ? 1 : 0, at: o.ratedAt! };
    return ended + grace < asOf ? { value: 0, at: ended + grace } : null;
  }
  if (o.attendance === 'absent' || o.bookingStatus === 'no_show') return { value: 0, at: o.attendanceAt !== null && o.attendanceAt < asOf ? o.attendanceAt : ended };
  // Confirmed, no attendance row: a no-show if others were checked in, otherwise nobody recorded attendance.
  return o.sessionHasAttendance ? { value: 0, at: ended } : null;
}
