import { Injectable } from '@nestjs/common';
import { Clock } from '@o2o/core';
import type { LearnerFeatures, LearnerTimeline, PairFeatures, SessionFacts, SessionFeatures } from '@o2o/model';
import { cityDistanceKm, ModelFeaturesService, offlineSessionFeatures, SATISFIED_RATING, SatisfactionModelService } from '@o2o/model';
import type { LearnerCandidateScore } from '../plan-input.types';
import type { PlanCandidateRecord } from './plan-candidate.record';

/** Without enough history, P(attends | not satisfied) is taken from the synthetic world's behaviour. */
const DEFAULT_ATTEND_WHEN_UNSATISFIED = 0.6;
const MIN_OUTCOMES_FOR_RATE = 20;

export interface PlanScores {
  scores: LearnerCandidateScore[];
  source: 'model' | 'catalogue';
  modelVersionId: string | null;
  eligibleLearners: number;
}

/**
 * Predicted f for every eligible learner × candidate, in one batched pass through the live model; the
 * catalogue heuristic (course topic, past topics, same city) when no model is live. Attendance probability is
 * f + (1 − f)·r, r being the tenant's observed share of unsatisfied bookings that still attended.
 */
@Injectable()
export class PlanScoringService {
  constructor(
    private readonly models: SatisfactionModelService,
    private readonly features: ModelFeaturesService,
    private readonly clock: Clock,
  ) {}

  async score(tenantId: string, learnerIds: readonly string[], candidates: readonly PlanCandidateRecord[], maxDistanceKm?: number): Promise<PlanScores> {
    const now = this.clock.now().getTime();
    const { timelines, data } = await this.features.timelines(tenantId, learnerIds);
    const facts = candidates.map(toFacts);
    const eligible: { learner: LearnerTimeline; candidate: number }[] = [];
    for (const timeline of timelines.values()) {
      candidates.forEach((c, k) => {
        const km = cityDistanceKm(timeline.learner.city, c.city);
        if (maxDistanceKm === undefined || km === null || km <= maxDistanceKm) eligible.push({ learner: timeline, candidate: k });
      });
    }
    const live = await this.models.current(tenantId);
    const f = live ? this.modelScores(live, eligible, facts, now) : catalogueScores(eligible, candidates, now);
    const r = live ? attendWhenUnsatisfied(data.outcomes.values(), now) : null;
    const scores = eligible.map((e, i): LearnerCandidateScore => ({
      learnerId: e.learner.learner.id,
      candidateId: candidates[e.candidate].id,
      score: clamp01(f[i]),
      ...(r === null ? {} : { attendProbability: clamp01(f[i] + (1 - f[i]) * r) }),
    }));
    return { scores, source: live ? 'model' : 'catalogue', modelVersionId: live?.versionId ?? null, eligibleLearners: timelines.size };
  }

  /** Each learner, each (candidate, learner city) and each (learner, topic) is encoded once; rows are assembled. */
  private modelScores(
    live: NonNullable<Awaited<ReturnType<SatisfactionModelService['current']>>>,
    eligible: { learner: LearnerTimeline; candidate: number }[],
    facts: SessionFacts[],
    now: number,
  ): Float32Array {
    const learners: LearnerFeatures[] = [];
    const sessions: SessionFeatures[] = [];
    const pairs: PairFeatures[] = [];
    const learnerAt = new Map<string, number>();
    const sessionAt = new Map<string, number>();
    const pairAt = new Map<string, number>();
    const index = new Int32Array(eligible.length * 3);
    eligible.forEach(({ learner, candidate }, r) => {
      const id = learner.learner.id;
      const s = facts[candidate];
      let l = learnerAt.get(id);
      if (l === undefined) learnerAt.set(id, (l = learners.push(learner.learnerFeatures(now)) - 1));
      // Session features depend on the learner only through the city (distance).
      const sessionKey = `${candidate}|${learner.learner.city ?? ''}`;
      let k = sessionAt.get(sessionKey);
      if (k === undefined) sessionAt.set(sessionKey, (k = sessions.push(offlineSessionFeatures(s, learner.learner.city)) - 1));
      const pairKey = `${id}|${s.topic}`;
      let p = pairAt.get(pairKey);
      if (p === undefined) pairAt.set(pairKey, (p = pairs.push(learner.pairFeatures(s.topic, now)) - 1));
      index[3 * r] = l;
      index[3 * r + 1] = k;
      index[3 * r + 2] = p;
    });
    return this.models.predictOfflinePairs(live, { learners, sessions, pairs, index });
  }
}

function toFacts(c: PlanCandidateRecord): SessionFacts {
  return {
    id: c.id, topic: c.topic, format: c.format, city: c.city, startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt),
    timeZone: c.timeZone, priceMinor: Math.round(c.price * 100), capacity: c.capacity, instructorName: c.instructor, courseId: c.courseId,
  };
}

/** The catalogue ranker's rules without the popularity term (candidates have no bookings yet). */
function catalogueScores(eligible: { learner: LearnerTimeline; candidate: number }[], candidates: readonly PlanCandidateRecord[], now: number): Float32Array {
  const topics = new Map<string, Set<string | null>>();
  return Float32Array.from(eligible, ({ learner, candidate }) => {
    const c = candidates[candidate];
    let mine = topics.get(learner.learner.id);
    if (!mine) topics.set(learner.learner.id, (mine = new Set(learner.courseTopics(now))));
    let score = 0.3;
    if (mine.has(c.topic)) score += 0.3;
    if (learner.learner.city && learner.learner.city.toLowerCase() === c.city.toLowerCase()) score += 0.2;
    return score;
  });
}

/** Share of unsatisfied past outcomes where the learner still came (attended and rated ≤ 3). */
function attendWhenUnsatisfied(outcomes: Iterable<{ attendance: string | null; bookingStatus: string; rating: number | null; session: { endsAt: Date } }[]>, now: number): number {
  let unsatisfied = 0;
  let cameAnyway = 0;
  for (const list of outcomes) {
    for (const o of list) {
      if (o.session.endsAt.getTime() >= now) continue;
      const attended = o.attendance === 'present' || o.attendance === 'late' || o.bookingStatus === 'attended';
      const known = attended ? o.rating !== null : o.attendance === 'absent' || o.bookingStatus === 'no_show';
      if (!known || (attended && (o.rating as number) >= SATISFIED_RATING)) continue;
      unsatisfied++;
      if (attended) cameAnyway++;
    }
  }
  return unsatisfied >= MIN_OUTCOMES_FOR_RATE ? cameAnyway / unsatisfied : DEFAULT_ATTEND_WHEN_UNSATISFIED;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
