import { SeededRandom } from '../random/seeded-random';
import { onlineLogit, sigmoid } from './hidden-preference-model';
import { DAY_MS, LearnerHistory } from './learner-history';
import type { LatentLearner } from './synthetic-population';
import type { SyntheticOnlineEvent, SyntheticOnlineItem } from './synthetic-world';

const MINUTE_MS = 60_000;

/**
 * Online item visits as a Poisson process per learner. Each visit's satisfaction is drawn from the hidden
 * online model using the learner's features at the start of the visit; the events (start, quiz, completion,
 * rating) are then written so that "completed and rated ≥ 4" is exactly the drawn outcome.
 */
export function simulateOnlineBehaviour(
  rng: SeededRandom,
  learners: readonly LatentLearner[],
  items: readonly SyntheticOnlineItem[],
  histories: ReadonlyMap<string, LearnerHistory>,
  endMs: number,
  probabilities: Record<string, number>,
): SyntheticOnlineEvent[] {
  const events: SyntheticOnlineEvent[] = [];
  const itemsByCourse = new Map<string, SyntheticOnlineItem[]>();
  for (const item of items) itemsByCourse.set(item.courseId, [...(itemsByCourse.get(item.courseId) ?? []), item]);

  for (const latent of learners) {
    const history = histories.get(latent.learner.id)!;
    const started = new Set<string>();
    let t = Math.min(...latent.purchases.map((p) => p.at));
    for (;;) {
      t += (-Math.log(1 - rng.next()) / latent.onlineRate) * 7 * DAY_MS;
      if (t >= endMs) break;
      const owned = latent.purchases.filter((p) => p.at < t).flatMap((p) => itemsByCourse.get(p.course.id) ?? []);
      const next = owned.find((i) => !started.has(i.id));
      // Mostly the next item of a bought course; sometimes a revisit or a preview of another topic.
      const preview = rng.bernoulli(0.15) || owned.length === 0;
      const item = preview ? rng.pick(items) : next && rng.bernoulli(0.8) ? next : rng.pick(owned);
      started.add(item.id);

      const p = sigmoid(onlineLogit(history.onlineItemInput(item, t), latent));
      const satisfied = rng.bernoulli(p);
      const completed = satisfied || rng.bernoulli(latent.persistence * 0.7);
      const minutes = item.minutes * (completed ? 0.8 + 0.4 * rng.next() : 0.1 + 0.5 * rng.next());
      const visitId = `ev-${latent.learner.id}-${events.length + 1}`;
      probabilities[visitId] = p;
      const base = { learnerId: latent.learner.id, itemId: item.id, visitId };
      const visit: SyntheticOnlineEvent[] = [
        { ...base, id: visitId, type: 'item_started', at: new Date(t), minutes: Math.round(minutes * 10) / 10 },
      ];
      const doneAt = t + minutes * MINUTE_MS;
      if (completed) {
        if (item.kind === 'quiz') {
          const score = Math.min(1, Math.max(0, latent.quizSkill + rng.normal(0, 0.1)));
          visit.push({ ...base, id: `${visitId}-q`, type: 'quiz_submitted', at: new Date(doneAt), score });
        }
        visit.push({ ...base, id: `${visitId}-c`, type: 'item_completed', at: new Date(doneAt) });
      }
      const stars = satisfied ? (rng.bernoulli(0.5) ? 5 : 4) : completed && rng.bernoulli(0.8) ? rng.int(1, 3) : null;
      if (stars !== null) {
        visit.push({ ...base, id: `${visitId}-r`, type: 'item_rated', at: new Date(doneAt + MINUTE_MS), stars });
      }
      for (const e of visit) history.addOnlineEvent(e);
      events.push(...visit);
    }
  }
  return events;
}
