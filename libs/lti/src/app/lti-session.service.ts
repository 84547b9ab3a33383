import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { rawQuery, rowDate, TransactionRunner } from '@o2o/persistence';
import type { LtiSession, LtiView } from '../entities/lti-session.entity';
import { LtiRejection } from '../launch/lti-rejection.error';
import { randomFromPool } from '../http/random-pool.util';

export type NewLtiSession = Omit<LtiSession, 'id' | 'createdAt' | 'expiresAt'>;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Course-page sessions. The token lives only in the page's forms (it survives blocked third-party cookies and never
 * appears in a URL or a log); the database keeps its SHA-256, so a leaked table does not give sessions away.
 */
@Injectable()
export class LtiSessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  /** The session row and its token, not yet written (the launch writes it together with ltijs' records). */
  prepare(input: NewLtiSession): { token: string; session: LtiSession; sql: string; params: unknown[] } {
    const token = randomFromPool(32).toString('base64url');
    const createdAt = new Date();
    const session: LtiSession = {
      ...input, id: hash(token), createdAt, expiresAt: new Date(createdAt.getTime() + this.config.lti.sessionTtlMinutes * 60_000),
    };
    const sql = 'INSERT INTO "lti_session" ("id", "tenantId", "registrationId", "deploymentId", "courseLinkId", "courseId", ' +
      '"learnerId", "roles", "locale", "view", "launch", "createdAt", "expiresAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    const params = [
      session.id, session.tenantId, session.registrationId, session.deploymentId, session.courseLinkId, session.courseId,
      session.learnerId, JSON.stringify(session.roles), session.locale, session.view, JSON.stringify(session.launch),
      session.createdAt, session.expiresAt,
    ];
    return { token, session, sql, params };
  }

  /** Inserts a session inside the caller's transaction and returns the token for the page. */
  async create(m: EntityManager, input: NewLtiSession): Promise<{ token: string; session: LtiSession }> {
    const { token, session, sql, params } = this.prepare(input);
    await rawQuery(m, sql, params);
    return { token, session };
  }

  async resolve(token: unknown): Promise<LtiSession> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) throw new LtiRejection('SESSION_EXPIRED', 401);
    const rows = await rawQuery<Record<string, unknown>>(this.dataSource.manager,
      'SELECT * FROM "lti_session" WHERE "id" = ? AND "expiresAt" > ?', [hash(token), new Date()]);
    if (!rows.length) throw new LtiRejection('SESSION_EXPIRED', 401);
    const r = rows[0];
    return {
      id: String(r.id), tenantId: String(r.tenantId), registrationId: String(r.registrationId), deploymentId: String(r.deploymentId),
      courseLinkId: (r.courseLinkId as string | null) ?? null, courseId: (r.courseId as string | null) ?? null,
      learnerId: String(r.learnerId), roles: JSON.parse(String(r.roles)), locale: String(r.locale), view: r.view as LtiView,
      launch: JSON.parse(String(r.launch)), createdAt: rowDate(r.createdAt), expiresAt: rowDate(r.expiresAt),
    };
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.tx.run((m) => rawQuery(m, 'DELETE FROM "lti_session" WHERE "expiresAt" <= ?', [now]));
  }
}
