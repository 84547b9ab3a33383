import type { NormalizedLearningEvent } from '@o2o/ingest';
import type { SyntheticWorld } from '../../synthetic/synthetic-world';
import { SyntheticHistoryMapping } from './synthetic-history.mapping';

/**
 * A generated world's purchases and online item events as normalised learning events, the shape every ingest
 * door produces: item_started → launched (with the visit's minutes), quiz_submitted → scored, item_completed →
 * completed, item_rated → rated (1–5 stars scaled to 0–1, raw kept), purchases → purchased with the price.
 * Source ids are derived from the world's seed and ids, so seeding twice stores nothing twice.
 */
export function syntheticOnlineEvents(
  world: SyntheticWorld,
  mapping: SyntheticHistoryMapping,
  issuer: string,
  coursePrefix: string,
): NormalizedLearningEvent[] {
  const items = new Map(world.onlineItems.map((i) => [i.id, i]));
  const prices = new Map(world.courses.map((c) => [c.id, c.price]));
  const out: NormalizedLearningEvent[] = [];
  const source = 'csv' as const;
  for (const p of world.purchases) {
    const courseRef = coursePrefix + p.courseId;
    out.push({
      learnerRef: { issuer, subject: p.learnerId }, courseRef, activityId: courseRef, type: 'purchased', sourceVerb: 'purchase',
      occurredAt: p.purchasedAt, amount: { value: prices.get(p.courseId) ?? 0, currency: mapping.currency }, source,
      sourceId: `synthetic:${world.seed}:purchase:${p.learnerId}:${p.courseId}`,
    });
  }
  for (const e of world.onlineEvents) {
    const item = items.get(e.itemId)!;
    const base = {
      learnerRef: { issuer, subject: e.learnerId }, courseRef: coursePrefix + item.courseId,
      activityId: `urn:o2o-bridge:synthetic:${item.id}`, sourceVerb: e.type, occurredAt: e.at, source,
      sourceId: `synthetic:${world.seed}:${e.id}`,
    };
    switch (e.type) {
      case 'item_started':
        out.push({ ...base, type: 'launched', durationSeconds: Math.round((e.minutes ?? 0) * 60) });
        break;
      case 'quiz_submitted':
        out.push({ ...base, type: 'scored', score: { scaled: e.score ?? 0 } });
        break;
      case 'item_completed':
        out.push({ ...base, type: 'completed', completion: true });
        break;
      case 'item_rated':
        out.push({ ...base, type: 'rated', score: { scaled: ((e.stars ?? 1) - 1) / 4, raw: e.stars, min: 1, max: 5 } });
        break;
    }
  }
  return out;
}
