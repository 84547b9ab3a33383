import { LearnerRef } from '../normalized-learning-event';

export const learnerRefKey = (ref: LearnerRef): string => `${ref.issuer}\u0000${ref.subject}`;

/**
 * Platform identity → learner id, remembered for the length of one import so a learner seen in every batch is
 * looked up once. Only committed mappings may enter a long-lived cache (a rolled-back batch may have created
 * the learner): a transaction keeps its own cache on top of the committed one (`fallback`) and hands its
 * entries over after commit. Bounded, so a file with millions of distinct learners cannot grow it without limit.
 */
export class LearnerIdCache {
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly capacity = 200_000,
    private readonly fallback?: LearnerIdCache,
  ) {}

  get(key: string): string | undefined {
    // The committed cache first: after an import's first transaction almost every learner is there, and a
    // transaction's own entries never repeat it (they are what the committed cache lacked).
    return this.fallback?.get(key) ?? this.ids.get(key);
  }

  addAll(entries: Map<string, string>): void {
    if (this.ids.size + entries.size > this.capacity) this.ids.clear();
    for (const [key, id] of entries) this.ids.set(key, id);
  }

  /** The entries added here (not the fallback's). */
  own(): Map<string, string> {
    return this.ids;
  }
}
