import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Clock, DomainError, DomainEventBus } from '@o2o/core';
import { rawQuery, TransactionRunner } from '@o2o/persistence';
import { IngestCredential } from '../credentials/ingest-credential.entity';
import { IngestValidationError } from '../errors/ingest-validation.error';
import { NormalizationResult } from '../normalization-result';
import { LearnerRef, NormalizedLearningEvent } from '../normalized-learning-event';
import { insertRows } from '../storage/bulk-insert';
import { selectIn } from '../storage/bulk-sql';
import { BulkTables } from '../storage/bulk-tables';
import { LearnerIdCache, learnerRefKey } from '../storage/learner-id.cache';
import { LearnerResolver } from '../storage/learner.resolver';
import { LearningEventStore } from '../storage/learning-event.store';
import { uuidV7 } from '../shared/uuid-v7';
import { ValidationIssue } from '../validation-issue';
import { learnerRefFromAgent } from '../xapi/xapi-learner-ref';
import { statementContentHash } from '../xapi/xapi-statement.hasher';
import { normalizeXapiStatement } from '../xapi/xapi-statement.normalizer';
import { prepareStatementForStorage } from '../xapi/xapi-statement.preparer';
import { pseudonymizeStatement } from '../xapi/xapi-statement.pseudonymizer';
import { XapiAgent, XapiStatement } from '../xapi/xapi-statement.types';
import { validateStatementBatch } from '../xapi/xapi-statement-batch.validator';
import { XapiVoidApplier } from './xapi-void.applier';

/** learner_identity holds issuer and subject in 500 characters; longer identities are refused, not truncated. */
const MAX_IDENTITY_LENGTH = 500;

interface PreparedStatement {
  id: string;
  hash: string;
  prepared: XapiStatement;
  normalized: NormalizationResult;
}

/**
 * The LRS behind /xapi: validates a batch (all or nothing), pseudonymises every agent before anything is kept,
 * and stores statements and their normalised events in one transaction. Same id + same content is a no-op,
 * same id + different content is 409 for the whole batch.
 */
@Injectable()
export class XapiStatementService {
  private readonly homePage: string;
  private readonly lrsUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly bus: DomainEventBus,
    private readonly learners: LearnerResolver,
    private readonly events: LearningEventStore,
    private readonly voids: XapiVoidApplier,
  ) {
    this.homePage = `${config.publicUrl}/pseudonyms`;
    this.lrsUrl = `${config.publicUrl}/xapi`;
  }

  /** POST: one statement or an array; returns the ids in order. */
  async post(credential: IngestCredential, body: unknown): Promise<string[]> {
    const validation = validateStatementBatch(body);
    if (!validation.ok) throw new IngestValidationError('XAPI_STATEMENTS_INVALID', validation.errors);
    return this.store(credential, validation.statements, Array.isArray(body) ? (i) => `statements[${i}]` : () => 'statement');
  }

  /** PUT ?statementId=: one statement whose id, if present, must equal the parameter. */
  async put(credential: IngestCredential, statementId: unknown, body: unknown): Promise<void> {
    if (typeof statementId !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(statementId)) {
      throw new DomainError('XAPI_STATEMENT_ID_REQUIRED', 400, {}, 'statementId');
    }
    if (Array.isArray(body)) {
      throw new IngestValidationError('XAPI_STATEMENTS_INVALID', [{ path: 'statement', reason: 'PUT takes one statement, not an array' }]);
    }
    const validation = validateStatementBatch(body);
    if (!validation.ok) throw new IngestValidationError('XAPI_STATEMENTS_INVALID', validation.errors);
    const [statement] = validation.statements;
    if (statement.id && statement.id.toLowerCase() !== statementId.toLowerCase()) {
      throw new DomainError('XAPI_STATEMENT_ID_MISMATCH', 400, { id: statement.id, statementId }, 'statement.id');
    }
    await this.store(credential, [{ ...statement, id: statementId.toLowerCase() }], () => 'statement');
  }

  /** GET ?statementId= or ?voidedStatementId=: the stored (pseudonymised) statement as JSON text. */
  async get(tenantId: string, query: Record<string, unknown>): Promise<string> {
    const { statementId, voidedStatementId, ...rest } = query;
    const others = Object.keys(rest).filter((k) => !['format', 'attachments'].includes(k));
    const id = statementId ?? voidedStatementId;
    if (typeof id !== 'string' || (statementId !== undefined && voidedStatementId !== undefined) || others.length) {
      throw new DomainError('XAPI_QUERY_UNSUPPORTED', 400, {}, others[0] ?? 'statementId');
    }
    const [row] = await rawQuery<{ statement: string }>(this.dataSource.manager,
      'SELECT "statement" FROM "xapi_statement" WHERE "tenantId" = ? AND "statementId" = ? AND "voided" = ?',
      [tenantId, id.toLowerCase(), voidedStatementId !== undefined]);
    if (!row) throw new DomainError('XAPI_STATEMENT_NOT_FOUND', 404, { statementId: id });
    return row.statement;
  }

  private async store(credential: IngestCredential, statements: XapiStatement[], pathOf: (i: number) => string): Promise<string[]> {
    const now = this.clock.now();
    const authority: XapiAgent = { objectType: 'Agent', account: { homePage: this.lrsUrl, name: credential.key } };
    const items: PreparedStatement[] = statements.map((raw) => {
      const prepared = prepareStatementForStorage(raw, { stored: now, authority });
      return { id: prepared.id!, hash: statementContentHash(raw), prepared, normalized: normalizeXapiStatement(prepared, { receivedAt: now }) };
    });
    this.checkIdentityLengths(items, pathOf);
    const tenantId = credential.tenantId;
    const { domainEvents } = await this.tx.run((m) => this.write(m, tenantId, credential.id, items, now));
    await this.bus.publish(domainEvents);
    return items.map((i) => i.id);
  }

  private async write(m: EntityManager, tenantId: string, credentialId: string, items: PreparedStatement[], now: Date) {
    const existing = await this.existingHashes(m, tenantId, items.map((i) => i.id));
    this.assertNoConflict(items, existing);
    const fresh = items.filter((i) => !existing.has(i.id));
    if (fresh.length === 0) return { domainEvents: [] };

    const cache = new LearnerIdCache();
    const pseudonymOf = (ref: LearnerRef) => this.learners.pseudonymOf(tenantId, ref);
    const actorRefs = fresh.filter((i) => i.normalized.kind === 'event').map((i) => (i.normalized as { event: NormalizedLearningEvent }).event.learnerRef);
    const resolved = await this.learners.resolve(m, tenantId, actorRefs, cache);
    cache.addAll(resolved.ids);
    const learnerOf = (i: PreparedStatement) =>
      i.normalized.kind === 'event' ? resolved.ids.get(learnerRefKey(i.normalized.event.learnerRef)) ?? null : null;
    const inserted = await insertRows(m, BulkTables.xapiStatement,
      // Time-ordered row ids: appended to the key index instead of dirtying a random page per statement.
      fresh.map((i) => [uuidV7(now.getTime()), tenantId, i.id, i.hash, learnerOf(i), credentialId,
        pseudonymizeStatement(i.prepared, pseudonymOf, this.homePage), now, false]),
      { onConflict: '("tenantId", "statementId") DO NOTHING', returning: ['statementId'] });
    if (inserted.size < fresh.length) {
      // A concurrent request stored some of these ids first: same content is fine, different content is 409.
      this.assertNoConflict(fresh, await this.existingHashes(m, tenantId, fresh.filter((i) => !inserted.has(i.id)).map((i) => i.id)));
    }
    const stored = fresh.filter((i) => inserted.has(i.id));
    const events = stored.flatMap((i) => (i.normalized.kind === 'event' ? [i.normalized.event] : []));
    const result = await this.events.store(m, tenantId, events, now, cache);
    const voided = stored.flatMap((i) => (i.normalized.kind === 'voids' ? [i.normalized.voidedStatementId] : []));
    await this.voids.apply(m, tenantId, voided, now);
    return { domainEvents: result.domainEvent ? [result.domainEvent] : [] };
  }

  private async existingHashes(m: EntityManager, tenantId: string, ids: string[]): Promise<Map<string, string>> {
    const rows = await selectIn<{ statementId: string; contentHash: string }>(m,
      'SELECT "statementId", "contentHash" FROM "xapi_statement" WHERE "tenantId" = ? AND "statementId" {in}', [tenantId], ids);
    return new Map(rows.map((r) => [r.statementId, r.contentHash]));
  }

  private assertNoConflict(items: PreparedStatement[], existing: Map<string, string>): void {
    const conflict = items.find((i) => existing.has(i.id) && existing.get(i.id) !== i.hash);
    if (conflict) throw new DomainError('XAPI_STATEMENT_CONFLICT', 409, { statementId: conflict.id }, 'id');
  }

  private checkIdentityLengths(items: PreparedStatement[], pathOf: (i: number) => string): void {
    const issues: ValidationIssue[] = [];
    items.forEach((item, i) => {
      if (item.normalized.kind !== 'event') return;
      const ref = learnerRefFromAgent(item.prepared.actor as XapiAgent);
      if (ref.issuer.length > MAX_IDENTITY_LENGTH || ref.subject.length > MAX_IDENTITY_LENGTH) {
        issues.push({ path: `${pathOf(i)}.actor`, reason: `identifier longer than ${MAX_IDENTITY_LENGTH} characters` });
      }
    });
    if (issues.length) throw new IngestValidationError('XAPI_STATEMENTS_INVALID', issues);
  }
}
