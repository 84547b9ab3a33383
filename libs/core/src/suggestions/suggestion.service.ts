import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { rawQuery, rowDate, TransactionRunner } from '@o2o/persistence';
import { Clock } from '../clock/clock';
import type { Learner } from '../learners/learner.entity';
import { LearnerService } from '../learners/learner.service';
import { OfflineSession } from '../sessions/offline-session.entity';
import { Suggestion, SuggestionFilters, SuggestionRanker } from './suggestion';

/** How many sessions of one topic may appear in a row of suggestions before others get a turn. */
const MAX_PER_TOPIC = 2;

/**
 * The one source of suggestions for the course page, the chat and the REST API: bookable upcoming sessions the
 * learner does not hold yet, ranked, and diversified so one topic cannot fill the list.
 */
@Injectable()
export class SuggestionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly learners: LearnerService,
    private ranker: SuggestionRanker,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Lets a capability (the satisfaction model) take over ranking at start-up. A provider for the
   * SuggestionRanker token in another module cannot do it: Nest resolves this service's dependencies in
   * CoreModule first. The replacement keeps the catalogue ranker as its own cold-start fallback.
   */
  useRanker(ranker: SuggestionRanker): void {
    this.ranker = ranker;
  }

  async forLearner(tenantId: string, learnerId: string, filters: SuggestionFilters = {}): Promise<Suggestion[]> {
    const learner = await this.learners.get(tenantId, learnerId);
    const candidates = await this.candidates(tenantId, learnerId, filters);
    return this.withFullSessions(await this.rankCandidates(learner, candidates, filters));
  }

  /**
   * The ranking half of forLearner, for callers that read the candidates themselves (with `candidateQuery`) in a
   * query of their own, e.g. the LTI course page, which reads them together with the learner's bookings.
   */
  async rankCandidates(learner: Learner, candidates: OfflineSession[], filters: SuggestionFilters = {}): Promise<Suggestion[]> {
    // Comparisons, not differences: a double difference is a heap allocation per comparison (~10k per request).
    const ranked = (await this.ranker.rank(learner, candidates, filters)).sort((a, b) =>
      b.score > a.score ? 1 : b.score < a.score ? -1 : a.session.startsAt.getTime() - b.session.startsAt.getTime());
    return diversify(ranked, filters.limit ?? 5);
  }

  /**
   * Scheduled, not yet closed for booking, with a seat or an open waitlist, and not already booked by the learner.
   * Plain SQL over the columns ranking needs (not titles and descriptions): this runs on every suggestion request
   * over up to 2,000 sessions, where reading and hydrating whole rows cost more than the query. Rows come back as
   * arrays and, on SQLite, times as epoch milliseconds: per-row objects and date-text parsing were half of a
   * suggestion request over 1,000 sessions. forLearner returns the chosen few as full sessions.
   */
  async candidates(tenantId: string, learnerId: string, filters: SuggestionFilters): Promise<OfflineSession[]> {
    const select = this.tx.isSqlite ? SQLITE_CANDIDATE_SELECT : CANDIDATE_SELECT;
    const { sql, params } = this.candidateSql(select, tenantId, learnerId, filters);
    const rows = await this.tx.readSqlRows(sql, params);
    const out = new Array<OfflineSession>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = sessionFromCandidateRow(rows[i], tenantId);
    return out;
  }

  /** The candidates' SQL (`?` placeholders) selecting `columns` of offline_session; the one definition of a candidate. */
  candidateQuery(tenantId: string, learnerId: string, filters: SuggestionFilters, columns: readonly string[]): {
    sql: string; params: unknown[];
  } {
    return this.candidateSql(columns.map((c) => `s."${c}"`).join(', '), tenantId, learnerId, filters);
  }

  private candidateSql(select: string, tenantId: string, learnerId: string, filters: SuggestionFilters): { sql: string; params: unknown[] } {
    const closesAfter = new Date(this.clock.now().getTime() + this.config.bookingCutoffMinutes * 60_000);
    let sql = `SELECT ${select} FROM "offline_session" s
      WHERE s."tenantId" = ? AND s."status" = 'scheduled' AND s."startsAt" > ?
        AND (s."confirmedCount" < s."capacity" OR s."waitlistCount" < s."waitlistLimit")
        AND NOT EXISTS (SELECT 1 FROM "booking" b WHERE b."sessionId" = s."id" AND b."learnerId" = ? AND b."status" <> 'cancelled')`;
    const params: unknown[] = [tenantId, closesAfter, learnerId];
    // "For this course" means the course's own sessions and sessions on the same topic.
    if (filters.courseId) {
      sql += ' AND (s."courseId" = ? OR s."topic" IN (SELECT c."topic" FROM "course" c WHERE c."id" = ?))';
      params.push(filters.courseId, filters.courseId);
    }
    if (filters.city) {
      sql += ' AND LOWER(s."city") = LOWER(?)';
      params.push(filters.city);
    }
    if (filters.from) {
      sql += ' AND s."endsAt" >= ?';
      params.push(filters.from);
    }
    if (filters.to) {
      sql += ' AND s."startsAt" < ?';
      params.push(filters.to);
    }
    return { sql: `${sql} ORDER BY s."startsAt" ASC LIMIT 2000`, params };
  }

  private async withFullSessions(chosen: Suggestion[]): Promise<Suggestion[]> {
    if (chosen.length === 0) return chosen;
    const rows = await rawQuery<Record<string, unknown>>(this.dataSource.manager,
      `SELECT * FROM "offline_session" WHERE "id" IN (${chosen.map(() => '?').join(', ')})`, chosen.map((c) => c.session.id));
    const full = new Map(rows.map((r) => [String(r.id), sessionFromRow(r)]));
    // Built field by field, not spread: rankers may compute a reason only when it is read (getters).
    return chosen.map((c) => ({
      session: full.get(c.session.id) ?? c.session, score: c.score, waitlist: c.waitlist, reason: c.reason, reasonCodes: c.reasonCodes,
    }));
  }
}

/**
 * The candidate read's select list: what rankers read (titles, descriptions and bookkeeping columns are loaded
 * only for the sessions shown), in the order sessionFromCandidateRow reads it (tenantId is the query's own
 * parameter, so it is not read back). SQLite answers the times as epoch milliseconds (`unixepoch(…, 'subsec')`
 * understands every form TypeORM and rawQuery store), PostgreSQL as Dates.
 */
const CANDIDATE_TEXT_COLUMNS = ['id', 'courseId', 'topic', 'format', 'city', 'instructorName', 'timeZone'] as const;
const CANDIDATE_INT_COLUMNS = ['capacity', 'waitlistLimit', 'priceMinor', 'confirmedCount', 'waitlistCount'] as const;
const CANDIDATE_DATE_COLUMNS = ['startsAt', 'endsAt'] as const;
const CANDIDATE_COLUMNS = [...CANDIDATE_TEXT_COLUMNS, ...CANDIDATE_INT_COLUMNS, ...CANDIDATE_DATE_COLUMNS];
/** Position of each column in a candidate row, derived from the select list so the two cannot drift apart. */
const AT = Object.fromEntries(CANDIDATE_COLUMNS.map((c, i) => [c, i])) as Record<(typeof CANDIDATE_COLUMNS)[number], number>;
const CANDIDATE_SELECT = CANDIDATE_COLUMNS.map((c) => `s."${c}"`).join(', ');
const SQLITE_CANDIDATE_SELECT = [...CANDIDATE_TEXT_COLUMNS, ...CANDIDATE_INT_COLUMNS].map((c) => `s."${c}"`)
  .concat(CANDIDATE_DATE_COLUMNS.map((c) => `CAST(round(unixepoch(s."${c}", 'subsec') * 1000) AS INTEGER)`)).join(', ');

const candidateDate = (value: unknown): Date => (value instanceof Date ? value : new Date(Number(value)));

/**
 * One row of the candidate read as a session: only the columns ranking needs, in one object literal (a fixed
 * shape built in one allocation; an entity instance grows its property store field by field, and this runs for
 * every candidate of every request). OfflineSession has no behaviour, so nothing tells the two apart.
 */
function sessionFromCandidateRow(row: unknown[], tenantId: string): OfflineSession {
  return {
    id: row[AT.id] as string,
    tenantId,
    courseId: row[AT.courseId] as string | null,
    topic: row[AT.topic] as string,
    format: row[AT.format] as OfflineSession['format'],
    city: row[AT.city] as string,
    instructorName: row[AT.instructorName] as string | null,
    timeZone: row[AT.timeZone] as string,
    capacity: Number(row[AT.capacity]),
    waitlistLimit: Number(row[AT.waitlistLimit]),
    priceMinor: Number(row[AT.priceMinor]),
    confirmedCount: Number(row[AT.confirmedCount]),
    waitlistCount: Number(row[AT.waitlistCount]),
    startsAt: candidateDate(row[AT.startsAt]),
    endsAt: candidateDate(row[AT.endsAt]),
    status: 'scheduled',
  } as OfflineSession;
}

const SESSION_DATES = ['startsAt', 'endsAt', 'createdAt', 'updatedAt'] as const;
const SESSION_INTS = ['capacity', 'waitlistLimit', 'priceMinor', 'confirmedCount', 'waitlistCount', 'queueSeq', 'revision'] as const;

/** A raw offline_session row as the entity (dates from SQLite text, integers from PostgreSQL strings). */
function sessionFromRow(row: Record<string, unknown>): OfflineSession {
  const session = Object.assign(new OfflineSession(), { status: 'scheduled' }, row);
  for (const key of SESSION_DATES) if (key in row) session[key] = rowDate(row[key]);
  for (const key of SESSION_INTS) if (key in row) session[key] = Number(row[key]);
  return session;
}

/** Keeps the ranking but lets at most MAX_PER_TOPIC sessions of a topic ahead of the others. */
export function diversify(ranked: Suggestion[], limit: number): Suggestion[] {
  const picked: Suggestion[] = [];
  const deferred: Suggestion[] = [];
  const perTopic = new Map<string, number>();
  for (const s of ranked) {
    const n = perTopic.get(s.session.topic) ?? 0;
    if (n < MAX_PER_TOPIC) { picked.push(s); perTopic.set(s.session.topic, n + 1); } else deferred.push(s);
    if (picked.length >= limit) return picked;
  }
  return [...picked, ...deferred].slice(0, limit);
}
