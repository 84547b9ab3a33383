import type { AgsScore } from './ags-score.validator';

export interface LineItemInput {
  label: string;
  scoreMaximum: number;
  resourceLinkId?: string;
  resourceId?: string;
  tag?: string;
  startDateTime?: string;
  endDateTime?: string;
  gradesReleased?: boolean;
  /** Which tool owns it; line items created over AGS belong to the calling tool. */
  clientId?: string;
}

export interface StoredLineItem extends LineItemInput {
  id: string;
  contextId: string;
}

export interface ReceivedScore {
  contextId: string;
  lineItemId: string;
  score: AgsScore;
  timestampMs: number;
  receivedAt: Date;
  /** False when the platform kept the existing result (older timestamp than the one on record). */
  applied: boolean;
  ignoredReason?: string;
  warnings: string[];
}

export interface StoredResult {
  contextId: string;
  lineItemId: string;
  userId: string;
  resultScore?: number;
  resultMaximum?: number;
  comment?: string;
  timestamp: string;
  timestampMs: number;
  activityProgress: string;
  gradingProgress: string;
}

/** Grading progress values for which Canvas ignores `scoreGiven` (the score is not final yet). */
const NOT_GRADED = new Set(['NotReady', 'Failed', 'Pending']);

/**
 * The gradebook behind AGS: line items, every score received (applied or not) and the resulting
 * result per (line item, user).
 */
export class AgsStore {
  private readonly items = new Map<string, StoredLineItem>();
  private readonly received: ReceivedScore[] = [];
  private readonly resultsByKey = new Map<string, StoredResult>();
  private nextId = 1;

  addLineItem(contextId: string, input: LineItemInput): StoredLineItem {
    const item: StoredLineItem = { ...input, id: String(this.nextId++), contextId };
    this.items.set(item.id, item);
    return item;
  }

  lineItem(contextId: string, id: string): StoredLineItem | undefined {
    const item = this.items.get(id);
    return item && item.contextId === contextId ? item : undefined;
  }

  lineItems(contextId?: string): StoredLineItem[] {
    return [...this.items.values()].filter((i) => !contextId || i.contextId === contextId);
  }

  /** Id and context never change: AGS treats the line item URL as its identity. */
  updateLineItem(contextId: string, id: string, input: LineItemInput): StoredLineItem | undefined {
    const existing = this.lineItem(contextId, id);
    if (!existing) return undefined;
    const updated: StoredLineItem = { ...input, clientId: existing.clientId, id, contextId };
    this.items.set(id, updated);
    return updated;
  }

  deleteLineItem(contextId: string, id: string): boolean {
    if (!this.lineItem(contextId, id)) return false;
    this.items.delete(id);
    for (const key of [...this.resultsByKey.keys()]) if (key.startsWith(`${id}\u0000`)) this.resultsByKey.delete(key);
    return true;
  }

  /**
   * Applies the AGS rule that a platform must not update a result whose recorded timestamp is later
   * than the incoming score's: the request still succeeds, the gradebook keeps the newer value.
   */
  receiveScore(item: StoredLineItem, score: AgsScore, timestampMs: number, at: Date, warnings: string[]): ReceivedScore {
    const key = `${item.id}\u0000${score.userId}`;
    const current = this.resultsByKey.get(key);
    const record: ReceivedScore = {
      contextId: item.contextId,
      lineItemId: item.id,
      score: { ...score },
      timestampMs,
      receivedAt: at,
      applied: true,
      warnings,
    };
    if (current && current.timestampMs > timestampMs) {
      record.applied = false;
      record.ignoredReason = `timestamp ${score.timestamp} is older than the stored ${current.timestamp}`;
    } else {
      const graded = score.scoreGiven !== undefined && score.scoreGiven !== null && !NOT_GRADED.has(score.gradingProgress);
      this.resultsByKey.set(key, {
        contextId: item.contextId,
        lineItemId: item.id,
        userId: score.userId,
        resultScore: graded ? score.scoreGiven : undefined,
        // Results are reported on the line item's scale, as the spec's resultMaximum describes.
        resultMaximum: graded ? item.scoreMaximum : undefined,
        comment: score.comment,
        timestamp: score.timestamp,
        timestampMs,
        activityProgress: score.activityProgress,
        gradingProgress: score.gradingProgress,
      });
      if (graded && score.scoreMaximum && score.scoreMaximum !== item.scoreMaximum) {
        const stored = this.resultsByKey.get(key)!;
        stored.resultScore = ((score.scoreGiven as number) / score.scoreMaximum) * item.scoreMaximum;
      }
    }
    this.received.push(record);
    return record;
  }

  scores(filter: { lineItemId?: string; userId?: string; applied?: boolean } = {}): ReceivedScore[] {
    return this.received.filter(
      (r) =>
        (!filter.lineItemId || r.lineItemId === filter.lineItemId) &&
        (!filter.userId || r.score.userId === filter.userId) &&
        (filter.applied === undefined || r.applied === filter.applied),
    );
  }

  results(lineItemId: string, userId?: string): StoredResult[] {
    return [...this.resultsByKey.values()].filter(
      (r) => r.lineItemId === lineItemId && (!userId || r.userId === userId),
    );
  }
}
