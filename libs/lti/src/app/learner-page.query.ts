import type { DataSource } from 'typeorm';
import { Booking, Learner, OfflineSession, SuggestionService } from '@o2o/core';
import { rowDate } from '@o2o/persistence';

/** Live bookings the page lists (most recent first); older ones are not shown anyway. */
const MAX_BOOKINGS = 20;

const BOOKING_COLUMNS: Array<[string, string]> = [
  ['id', 'varchar'], ['tenantId', 'varchar'], ['sessionId', 'varchar'], ['learnerId', 'varchar'], ['status', 'varchar'],
  ['queueNumber', 'integer'], ['source', 'varchar'], ['confirmedAt', 'timestamp'], ['promotedAt', 'timestamp'],
  ['cancelledAt', 'timestamp'], ['cancelReason', 'varchar'], ['createdAt', 'timestamp'], ['updatedAt', 'timestamp'],
];
const LEARNER_COLUMNS: Array<[string, string]> = [
  ['id', 'varchar'], ['tenantId', 'varchar'], ['pseudonym', 'varchar'], ['locale', 'varchar'], ['city', 'varchar'], ['createdAt', 'timestamp'],
];

export interface LearnerPageRows {
  learner: Learner;
  /** Full sessions the learner may book (SuggestionService's definition of a candidate), to be ranked. */
  candidates: OfflineSession[];
  /** The learner's live bookings, most recent first, each with its session. */
  bookings: Array<{ booking: Booking; session: OfflineSession }>;
  /** Topics of every session the learner booked (for SuggestionFilters.knownPastTopics). */
  pastTopics: Set<string>;
}

/**
 * Everything the learner page reads, in one statement: the learner, the candidate sessions (SuggestionService's own
 * candidate SQL, with every column the page shows), the learner's live bookings with their sessions and the topics
 * of their past bookings, as one UNION ALL whose rows say what they are. Typed NULLs keep PostgreSQL's UNION type resolution happy; SQLite
 * ignores them.
 */
export class LearnerPageQuery {
  private readonly sessionColumns: string[];
  /** The composed statement per candidate SQL text (it only varies with the filters used). */
  private readonly texts = new Map<string, string>();

  constructor(dataSource: DataSource, private readonly suggestions: SuggestionService) {
    this.sessionColumns = dataSource.getMetadata(OfflineSession).columns.map((c) => c.databaseName);
  }

  build(tenantId: string, learnerId: string, courseId: string | null): { sql: string; params: unknown[] } {
    const candidate = this.suggestions.candidateQuery(tenantId, learnerId, { courseId: courseId ?? undefined }, this.sessionColumns);
    let sql = this.texts.get(candidate.sql);
    if (!sql) {
      sql = this.compose(candidate.sql);
      if (this.texts.size > 50) this.texts.clear();
      this.texts.set(candidate.sql, sql);
    }
    return { sql, params: [...candidate.params, tenantId, learnerId, learnerId, tenantId, learnerId] };
  }

  private compose(candidateSql: string): string {
    const nulls = (cols: Array<[string, string]>, prefix: string) => cols.map(([c, type]) => `CAST(NULL AS ${type}) AS "${prefix}${c}"`);
    const sessionCols = this.sessionColumns.map((c) => `s."${c}"`);
    return [
      `SELECT 'c' AS "kind", c.*, ${[...nulls(BOOKING_COLUMNS, 'b_'), ...nulls(LEARNER_COLUMNS, 'l_')].join(', ')} FROM (${candidateSql}) c`,
      `SELECT * FROM (SELECT 'b' AS "kind", ${[...sessionCols, ...BOOKING_COLUMNS.map(([c]) => `b."${c}" AS "b_${c}"`), ...nulls(LEARNER_COLUMNS, 'l_')].join(', ')} ` +
        'FROM "booking" b INNER JOIN "offline_session" s ON s."id" = b."sessionId" ' +
        `WHERE b."tenantId" = ? AND b."learnerId" = ? AND b."status" <> 'cancelled' ORDER BY b."createdAt" DESC LIMIT ${MAX_BOOKINGS}) bk`,
      `SELECT 'l' AS "kind", ${[...this.sessionColumns.map((c) => `NULL AS "${c}"`), ...BOOKING_COLUMNS.map(([c]) => `NULL AS "b_${c}"`),
        ...LEARNER_COLUMNS.map(([c]) => `l."${c}" AS "l_${c}"`)].join(', ')} FROM "learner" l WHERE l."id" = ? AND l."tenantId" = ?`,
      // The catalogue ranker's booking history (every booking, cancelled too), so it need not read it again.
      `SELECT 't' AS "kind", ${[...this.sessionColumns.map((c) => (c === 'topic' ? 't."topic"' : `NULL AS "${c}"`)),
        ...BOOKING_COLUMNS.map(([c]) => `NULL AS "b_${c}"`), ...LEARNER_COLUMNS.map(([c]) => `NULL AS "l_${c}"`)].join(', ')} ` +
        'FROM (SELECT DISTINCT s."topic" AS "topic" FROM "booking" b INNER JOIN "offline_session" s ON s."id" = b."sessionId" WHERE b."learnerId" = ?) t',
    ].join(' UNION ALL ');
  }

  /** Splits the rows back into the learner, candidates and bookings; undefined when the learner does not exist. */
  read(rows: Array<Record<string, unknown>>): LearnerPageRows | undefined {
    let learner: Learner | undefined;
    const candidates: OfflineSession[] = [];
    const bookings: LearnerPageRows['bookings'] = [];
    const pastTopics = new Set<string>();
    for (const row of rows) {
      if (row.kind === 'l') learner = learnerOf(row);
      else if (row.kind === 't') pastTopics.add(String(row.topic));
      else if (row.kind === 'c') candidates.push(this.sessionOf(row));
      else bookings.push({ booking: bookingOf(row), session: this.sessionOf(row) });
    }
    if (!learner) return undefined;
    candidates.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    bookings.sort((a, b) => b.booking.createdAt.getTime() - a.booking.createdAt.getTime());
    return { learner, candidates, bookings, pastTopics };
  }

  /** The session columns of a row as the entity (dates from SQLite text, integers from PostgreSQL strings). */
  private sessionOf(row: Record<string, unknown>): OfflineSession {
    const session = new OfflineSession() as unknown as Record<string, unknown>;
    for (const c of this.sessionColumns) session[c] = row[c];
    for (const c of SESSION_DATES) session[c] = rowDate(row[c]);
    for (const c of SESSION_INTS) session[c] = Number(row[c]);
    return session as unknown as OfflineSession;
  }
}

const SESSION_DATES = ['startsAt', 'endsAt', 'createdAt', 'updatedAt'] as const;
const SESSION_INTS = ['capacity', 'waitlistLimit', 'priceMinor', 'confirmedCount', 'waitlistCount', 'queueSeq', 'revision'] as const;

const date = (v: unknown) => (v === null || v === undefined ? null : rowDate(v));

function bookingOf(row: Record<string, unknown>): Booking {
  return Object.assign(new Booking(), {
    id: row.b_id, tenantId: row.b_tenantId, sessionId: row.b_sessionId, learnerId: row.b_learnerId, status: row.b_status,
    queueNumber: row.b_queueNumber === null || row.b_queueNumber === undefined ? null : Number(row.b_queueNumber),
    source: row.b_source, confirmedAt: date(row.b_confirmedAt), promotedAt: date(row.b_promotedAt), cancelledAt: date(row.b_cancelledAt),
    cancelReason: row.b_cancelReason ?? null, createdAt: rowDate(row.b_createdAt), updatedAt: rowDate(row.b_updatedAt),
  });
}

function learnerOf(row: Record<string, unknown>): Learner {
  return Object.assign(new Learner(), {
    id: row.l_id, tenantId: row.l_tenantId, pseudonym: row.l_pseudonym, locale: row.l_locale ?? null, city: row.l_city ?? null,
    createdAt: rowDate(row.l_createdAt),
  });
}
