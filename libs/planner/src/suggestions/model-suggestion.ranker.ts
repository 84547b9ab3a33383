import { Injectable } from '@nestjs/common';
import { Clock, Learner, OfflineSession, Suggestion, SuggestionFilters, SuggestionRanker } from '@o2o/core';
import type { FeatureInput, PairFeatures, SessionFeatures } from '@o2o/model';
import { LearnerTimeline, ModelFeaturesService, offlineSessionFeatures, SatisfactionModelService } from '@o2o/model';
import { factorColumns, ReasonCode } from './reason-factors';
import { attributeScores } from './score-attribution';
import { composeReason } from './suggestion-reason.composer';

/** A factor must move f by at least this much to be named as a reason. */
const MIN_DROP = 0.01;

/**
 * Ranks a learner's candidate sessions by the live model's f = P(attends and rates ≥ 4). The top of the list
 * gets reasons from the factors that drove each score (occlusion attribution); the tail, which SuggestionService
 * rarely shows, gets reasons from the feature values alone. Without a live model, or for a learner with no
 * history at all (cold start), the catalogue ranking (course match, city, popularity) answers instead.
 */
@Injectable()
export class ModelSuggestionRanker extends SuggestionRanker {
  constructor(
    private readonly models: SatisfactionModelService,
    private readonly features: ModelFeaturesService,
    private readonly catalogue: SuggestionRanker,
    private readonly clock: Clock,
  ) {
    super();
  }

  async rank(learner: Learner, candidates: OfflineSession[], filters: SuggestionFilters): Promise<Suggestion[]> {
    if (candidates.length === 0) return [];
    const live = await this.models.current(learner.tenantId);
    if (!live) return this.catalogue.rank(learner, candidates, filters);
    const now = this.clock.now().getTime();
    const { timelines, data } = await this.features.timelines(learner.tenantId, [learner.id]);
    const timeline = timelines.get(learner.id);
    if (!timeline || !timeline.hasHistory(now)) return this.catalogue.rank(learner, candidates, filters);

    // One learner, ≤ a dozen topics, many sessions: each part is encoded once and rows are assembled from them.
    const learnerFeatures = timeline.learnerFeatures(now);
    const pairs: PairFeatures[] = [];
    const pairOfTopic = new Map<string, number>();
    const sessions = new Array<SessionFeatures>(candidates.length);
    const index = new Int32Array(3 * candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      const s = candidates[i];
      let p = pairOfTopic.get(s.topic);
      if (p === undefined) {
        pairOfTopic.set(s.topic, (p = pairs.length));
        pairs.push(timeline.pairFeatures(s.topic, now));
      }
      sessions[i] = offlineSessionFeatures(s, learner.city);
      index[3 * i + 1] = i;
      index[3 * i + 2] = p;
    }
    const input = (i: number): FeatureInput => ({ learner: learnerFeatures, session: sessions[i], pair: pairs[index[3 * i + 2]] });
    const rows = this.models.encodePairs(live, { learners: [learnerFeatures], sessions, pairs, index });
    const width = live.encoder.width;
    const scores = this.models.predictOfflineRows(live, rows, candidates.length);

    const order = Array.from(scores.keys()).sort((a, b) => (scores[b] > scores[a] ? 1 : scores[b] < scores[a] ? -1 : 0));
    const explained = order.slice(0, Math.max(20, 3 * (filters.limit ?? 5)));
    const drops = attributeScores((r, n) => this.models.predictOfflineRows(live, r, n), rows, width, scores, explained,
      factorColumns(live.encoder.columns));
    const progress = new Map<string, ReturnType<LearnerTimeline['courseProgress']>>();
    const explain = (i: number, codes: ReasonCode[]) => {
      const session = candidates[i];
      const features = input(i);
      if (!progress.has(session.topic)) progress.set(session.topic, timeline.courseProgress(session.topic, now, data.activitiesPerCourse));
      const course = progress.get(session.topic);
      const reason = composeReason(codes, {
        courseTitle: course?.course.title, courseProgress: course?.share, completionRate: features.learner.completionRate,
        learnerCity: learner.city, sessionCity: session.city, distanceKm: features.session.distanceKm,
        pastAttendance: features.pair.pastOfflineAttendanceCount, pastMeanRating: features.pair.pastMeanRating,
        weekday: features.session.weekday ?? 0, hour: features.session.hour ?? 12, format: session.format,
        price: features.session.price, instructor: session.instructorName, topic: session.topic,
      });
      return { reason: { en: reason.en, 'zh-CN': reason['zh-CN'] }, reasonCodes: ['model', ...reason.used] };
    };
    const tail = (i: number) => explain(i, ruleCodes(input(i)));
    return candidates.map((session, i): Suggestion => {
      const attributed = drops.get(i);
      if (!attributed) return new TailSuggestion(session, scores[i], tail, i);
      return { session, score: scores[i], waitlist: session.confirmedCount >= session.capacity,
        ...explain(i, attributed.filter((d) => d.drop >= MIN_DROP).map((d) => d.code)) };
    });
  }
}

/** A suggestion outside the explained top: rarely shown, so its reason is composed only when read. */
class TailSuggestion implements Suggestion {
  readonly waitlist: boolean;
  private explained?: Pick<Suggestion, 'reason' | 'reasonCodes'>;

  // The shared explainer and the row index rather than a closure per row: a thousand fewer allocations per request.
  constructor(
    readonly session: OfflineSession,
    readonly score: number,
    private readonly compute: (i: number) => Pick<Suggestion, 'reason' | 'reasonCodes'>,
    private readonly row: number,
  ) {
    this.waitlist = session.confirmedCount >= session.capacity;
  }

  get reason(): Suggestion['reason'] {
    return (this.explained ??= this.compute(this.row)).reason;
  }

  get reasonCodes(): string[] {
    return (this.explained ??= this.compute(this.row)).reasonCodes;
  }
}

/** Reasons for rows outside the explained top: the factors whose values are favourable, in a fixed order. */
function ruleCodes(input: FeatureInput): ReasonCode[] {
  const codes: ReasonCode[] = [];
  if (input.pair.topicMatch > 0) codes.push('course_progress');
  if (input.session.distanceKm !== null && input.session.distanceKm < 30) codes.push('near');
  if (input.pair.pastOfflineAttendanceCount > 0) codes.push('past_attendance');
  if (input.session.weekday !== null && input.session.weekday >= 5) codes.push('timing');
  return codes;
}
