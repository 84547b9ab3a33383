import { DIRECT_ISSUER } from '@o2o/core';
import type { NormalizedLearningEvent } from '@o2o/ingest';

/** External ids of the demo catalogue's courses (libs/core/src/demo/demo-catalogue.ts). */
export const DEMO_COURSE_IDS = ['py-101', 'da-201', 'ml-301', 'ux-110'];
/** The demo seed registers demo-learner-1 … demo-learner-40 through the REST issuer. */
export const DEMO_LEARNER_COUNT = 40;
const ITEMS_PER_COURSE = 5;
const DAY_MS = 86_400_000;

/**
 * Online history for the demo's own learners, so their suggestions come from the model with reasons such as
 * "you finished 80% of Python Basics and live in Shanghai": each bought one or two demo courses 30–70 days
 * ago and worked through 1–5 of its 5 items (launch, quiz on the third, completion, rating).
 */
export function demoLearnerActivity(now: Date): NormalizedLearningEvent[] {
  const out: NormalizedLearningEvent[] = [];
  for (let i = 1; i <= DEMO_LEARNER_COUNT; i++) {
    const learnerRef = { issuer: DIRECT_ISSUER, subject: `demo-learner-${i}` };
    const courses = [DEMO_COURSE_IDS[i % 4]];
    if (i % 3 === 0) courses.push(DEMO_COURSE_IDS[(i + 1) % 4]);
    courses.forEach((courseRef, c) => {
      const boughtAt = now.getTime() - (30 + ((i * 7 + c * 11) % 40)) * DAY_MS;
      const id = (what: string) => `demo:learner-${i}:${courseRef}:${what}`;
      out.push({
        learnerRef, courseRef, activityId: courseRef, type: 'purchased', sourceVerb: 'purchase', occurredAt: new Date(boughtAt),
        amount: { value: 199, currency: 'CNY' }, source: 'csv', sourceId: id('purchase'),
      });
      const done = 1 + ((i * 7 + c) % ITEMS_PER_COURSE);
      for (let k = 1; k <= done; k++) {
        const activityId = `urn:o2o-bridge:demo:${courseRef}:item-${k}`;
        const start = boughtAt + k * 3 * DAY_MS + ((i * 5) % 12) * 3_600_000;
        const base = { learnerRef, courseRef, activityId, source: 'csv' as const };
        out.push({ ...base, type: 'launched', sourceVerb: 'launched', occurredAt: new Date(start), durationSeconds: 1800, sourceId: id(`${k}:launched`) });
        if (k === 3) {
          out.push({ ...base, type: 'scored', sourceVerb: 'scored', occurredAt: new Date(start + 1_500_000), score: { scaled: 0.6 + ((i % 4) / 10) }, sourceId: id(`${k}:scored`) });
        }
        out.push({ ...base, type: 'completed', sourceVerb: 'completed', occurredAt: new Date(start + 1_800_000), completion: true, sourceId: id(`${k}:completed`) });
        const stars = 3 + ((i + k) % 3);
        out.push({
          ...base, type: 'rated', sourceVerb: 'rated', occurredAt: new Date(start + 1_860_000),
          score: { scaled: (stars - 1) / 4, raw: stars, min: 1, max: 5 }, sourceId: id(`${k}:rated`),
        });
      }
    });
  }
  return out;
}
