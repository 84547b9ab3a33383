import { hash } from 'node:crypto';

/**
 * Deterministic id of an imported row: `<prefix>:<sha256>` over its *normalised* content (learner ref,
 * course, type, instant as ISO UTC, numbers as numbers) joined with a separator that cannot occur in a
 * trimmed CSV field. Chosen over file+line so re-importing a file — re-exported, re-sorted, or with
 * rows added — stores nothing twice, and over raw-text hashing so "2024-05-01T09:30:00Z" and
 * "2024-05-01 17:30:00+08:00" are the same event. Two identical rows in one file are one event by design:
 * nothing could tell them apart later either. With `occurredAt` the id is `<prefix>:<time key>:<sha256>`.
 */
export function csvRowSourceId(prefix: string, parts: ReadonlyArray<string | number | undefined | null>, occurredAt?: Date): string {
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    text += (i ? '\u001f' : '') + (part === undefined || part === null ? '' : String(part));
  }
  // One-shot crypto.hash avoids creating a Hash object per row (a million rows per import).
  const digest = hash('sha256', text, 'hex');
  return occurredAt ? `${prefix}:${timeKey(occurredAt)}:${digest}` : `${prefix}:${digest}`;
}

/**
 * The event's instant as 12 hex digits of epoch milliseconds (fixed width, so text order is time order; before
 * 1970 collapses to zeros, which costs only locality). Leading the key with it makes the unique index on
 * (tenantId, source, sourceId) grow at its right edge for a time-ordered export instead of at a random page per
 * row, which is what a million-row import spends its time on. The hash after it still carries the identity.
 */
function timeKey(occurredAt: Date): string {
  const ms = occurredAt.getTime();
  return ms > 0 ? ms.toString(16).padStart(12, '0') : '000000000000';
}
