import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rawQuery, rowDate } from '@o2o/persistence';
import type { CourseRow, LearnerRow, OfflineOutcomeRow, OnlineEventRow, TenantFeatureData } from './feature-data.types';

const IN_CHUNK = 900;

interface CatalogueEntry {
  at: number;
  courses: Map<string, CourseRow>;
  /** Distinct activities per course (the denominator of "finished 80% of …"). */
  activities: Map<string, number>;
}
/** Course catalogue and per-course activity counts change slowly; suggestions must not rescan events per request. */
const CATALOGUE_TTL_MS = 60_000;

const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || v === 1 || v === '1' || v === 't');
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Reads what the features are made of: learners and courses (core), bookings with attendance and ratings
 * (core), and online learning events (libs/ingest `learning_event`, when that table exists). Plain SQL with `?`
 * placeholders for both databases; large reads are chunked so IN lists stay within driver limits.
 */
@Injectable()
export class FeatureDataLoader {
  private readonly logger = new Logger('FeatureDataLoader');
  private eventsTable: boolean | null = null;
  private readonly catalogue = new Map<string, CatalogueEntry>();
  private readonly refreshing = new Map<string, Promise<unknown>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Everything for a tenant, or only for the given learners (suggestions, plans). */
  async load(tenantId: string, learnerIds?: readonly string[]): Promise<TenantFeatureData> {
    const [learners, catalogue, outcomes, events] = await Promise.all([
      this.learners(tenantId, learnerIds),
      this.catalogueOf(tenantId),
      this.outcomes(tenantId, learnerIds),
      this.events(tenantId, learnerIds),
    ]);
    return {
      learners, courses: catalogue.courses, activitiesPerCourse: catalogue.activities, outcomes, events: events ?? new Map(),
      onlineDataAvailable: events !== null,
    };
  }

  /** Forget cached catalogues (after a seed or import in the same process). */
  invalidate(tenantId?: string): void {
    if (tenantId) this.catalogue.delete(tenantId);
    else this.catalogue.clear();
  }

  /** Cheap count for "is there enough to train on": bookings of ended sessions with an attendance record or no-show. */
  async countOutcomes(tenantId: string, asOf: Date): Promise<number> {
    const [row] = await rawQuery<{ n: unknown }>(this.dataSource.manager,
      `SELECT COUNT(*) AS "n" FROM "booking" b JOIN "offline_session" s ON s."id" = b."sessionId"
       WHERE b."tenantId" = ? AND s."endsAt" < ? AND s."status" <> 'cancelled' AND b."status" IN ('attended', 'no_show')`,
      [tenantId, asOf]);
    return Number(row?.n ?? 0);
  }

  /** Ratings given before asOf: a rating turns an attended booking's label from "unrated" into satisfied or not. */
  async countRatings(tenantId: string, asOf: Date): Promise<number> {
    const [row] = await rawQuery<{ n: unknown }>(this.dataSource.manager,
      'SELECT COUNT(*) AS "n" FROM "feedback" WHERE "tenantId" = ? AND "givenAt" < ?', [tenantId, asOf]);
    return Number(row?.n ?? 0);
  }

  private async learners(tenantId: string, ids?: readonly string[]): Promise<Map<string, LearnerRow>> {
    const rows = await this.chunked<Record<string, unknown>>(
      'SELECT "id", "city", "locale", "createdAt" FROM "learner" WHERE "tenantId" = ?', tenantId, '"id"', ids);
    return new Map(rows.map((r) => [String(r.id), {
      id: String(r.id), city: (r.city as string | null) ?? null, locale: (r.locale as string | null) ?? null,
      createdAt: rowDate(r.createdAt).getTime(),
    }]));
  }

  /** Served from cache; an expired entry is refreshed in the background so no request waits for the scan. */
  private async catalogueOf(tenantId: string): Promise<CatalogueEntry> {
    const cached = this.catalogue.get(tenantId);
    if (cached && Date.now() - cached.at >= CATALOGUE_TTL_MS && !this.refreshing.has(tenantId)) {
      const refresh = this.loadCatalogue(tenantId)
        .catch((err: Error) => this.logger.warn(`catalogue refresh failed: ${err.message}`))
        .finally(() => this.refreshing.delete(tenantId));
      this.refreshing.set(tenantId, refresh);
    }
    return cached ?? this.loadCatalogue(tenantId);
  }

  private async loadCatalogue(tenantId: string): Promise<CatalogueEntry> {
    const m = this.dataSource.manager;
    const rows = await rawQuery<CourseRow>(m, 'SELECT "id", "externalId", "title", "topic" FROM "course" WHERE "tenantId" = ?', [tenantId]);
    const courses = new Map<string, CourseRow>();
    for (const c of rows) {
      courses.set(c.id, c);
      courses.set(c.externalId, c);
    }
    const activities = new Map<string, number>();
    if (await this.hasEventsTable()) {
      const counts = await rawQuery<{ courseRef: string; n: unknown }>(m,
        `SELECT "courseRef", COUNT(DISTINCT "activityId") AS "n" FROM "learning_event"
         WHERE "tenantId" = ? AND "courseRef" IS NOT NULL AND "voided" = ? AND "type" NOT IN ('purchased', 'enrolled')
         GROUP BY "courseRef"`, [tenantId, false]);
      for (const c of counts) activities.set(c.courseRef, Number(c.n));
    }
    const entry = { at: Date.now(), courses, activities };
    this.catalogue.set(tenantId, entry);
    return entry;
  }

  private async outcomes(tenantId: string, ids?: readonly string[]): Promise<Map<string, OfflineOutcomeRow[]>> {
    const rows = await this.chunked<Record<string, unknown>>(
      `SELECT b."id" AS "bookingId", b."learnerId", b."createdAt" AS "bookedAt", b."status" AS "bookingStatus",
         s."id" AS "sessionId", s."topic", s."format", s."city", s."startsAt", s."endsAt", s."timeZone", s."priceMinor",
         s."capacity", s."instructorName", s."courseId", a."status" AS "attendance", a."recordedAt" AS "attendanceAt",
         f."rating", f."givenAt" AS "ratedAt",
         CASE WHEN EXISTS (SELECT 1 FROM "attendance" x WHERE x."sessionId" = s."id") THEN 1 ELSE 0 END AS "sessionHasAttendance"
       FROM "booking" b
       JOIN "offline_session" s ON s."id" = b."sessionId"
       LEFT JOIN "attendance" a ON a."sessionId" = b."sessionId" AND a."learnerId" = b."learnerId"
       LEFT JOIN "feedback" f ON f."bookingId" = b."id"
       WHERE b."tenantId" = ? AND b."status" IN ('confirmed', 'attended', 'no_show') AND s."status" <> 'cancelled'`,
      tenantId, 'b."learnerId"', ids);
    const out = new Map<string, OfflineOutcomeRow[]>();
    for (const r of rows) {
      const row: OfflineOutcomeRow = {
        bookingId: String(r.bookingId), learnerId: String(r.learnerId), bookedAt: rowDate(r.bookedAt).getTime(),
        bookingStatus: String(r.bookingStatus),
        session: {
          id: String(r.sessionId), topic: String(r.topic), format: String(r.format), city: String(r.city),
          startsAt: rowDate(r.startsAt), endsAt: rowDate(r.endsAt), timeZone: String(r.timeZone),
          priceMinor: Number(r.priceMinor), capacity: Number(r.capacity), instructorName: (r.instructorName as string | null) ?? null,
          courseId: (r.courseId as string | null) ?? null,
        },
        attendance: (r.attendance as OfflineOutcomeRow['attendance']) ?? null,
        attendanceAt: r.attendanceAt ? rowDate(r.attendanceAt).getTime() : null,
        rating: num(r.rating),
        ratedAt: r.ratedAt ? rowDate(r.ratedAt).getTime() : null,
        sessionHasAttendance: Number(r.sessionHasAttendance) === 1,
      };
      const list = out.get(row.learnerId) ?? [];
      list.push(row);
      out.set(row.learnerId, list);
    }
    for (const list of out.values()) list.sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
    return out;
  }

  /** null when the ingest tables are not there (libs/ingest not installed in this deployment). */
  private async events(tenantId: string, ids?: readonly string[]): Promise<Map<string, OnlineEventRow[]> | null> {
    if (!(await this.hasEventsTable())) return null;
    const rows = await this.chunked<Record<string, unknown>>(
      `SELECT "learnerId", "courseRef", "activityId", "type", "occurredAt", "durationSeconds", "scoreScaled", "scoreRaw", "completion"
       FROM "learning_event" WHERE "tenantId" = ? AND "voided" = ?`,
      tenantId, '"learnerId"', ids, [false]);
    const out = new Map<string, OnlineEventRow[]>();
    for (const r of rows) {
      const row: OnlineEventRow = {
        learnerId: String(r.learnerId), courseRef: (r.courseRef as string | null) ?? null, activityId: String(r.activityId),
        type: String(r.type), at: rowDate(r.occurredAt).getTime(), durationSeconds: num(r.durationSeconds),
        scoreScaled: num(r.scoreScaled), scoreRaw: num(r.scoreRaw), completion: bool(r.completion),
      };
      const list = out.get(row.learnerId) ?? [];
      list.push(row);
      out.set(row.learnerId, list);
    }
    // Sorted here rather than in SQL: one sort per learner is cheaper than ORDER BY over the whole tenant.
    const rank = (type: string) => (type === 'purchased' || type === 'enrolled' ? 0 : type === 'launched' ? 1 : 2);
    for (const list of out.values()) {
      list.sort((a, b) => a.at - b.at || rank(a.type) - rank(b.type) || (a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0));
    }
    return out;
  }

  private async hasEventsTable(): Promise<boolean> {
    if (this.eventsTable !== null) return this.eventsTable;
    this.eventsTable = await this.dataSource.query('SELECT 1 FROM "learning_event" WHERE 1 = 0').then(() => true, () => false);
    if (!this.eventsTable) this.logger.warn('learning_event table not found: online activity features stay neutral');
    return this.eventsTable;
  }

  /** Runs `sql` for the tenant, optionally restricted to `ids` in chunks (`AND <column> IN (…)`). */
  private async chunked<T>(sql: string, tenantId: string, column: string, ids?: readonly string[], extra: unknown[] = []): Promise<T[]> {
    const m = this.dataSource.manager;
    if (!ids) return rawQuery<T>(m, sql, [tenantId, ...extra]);
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      if (chunk.length === 0) continue;
      const rows = await rawQuery<T>(m, `${sql} AND ${column} IN (${chunk.map(() => '?').join(', ')})`, [tenantId, ...extra, ...chunk]);
      out.push(...rows);
    }
    return out;
  }
}
