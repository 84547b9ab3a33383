import { Injectable } from '@nestjs/common';
import { Clock, DomainEventBus } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { pseudonymizeCaliperItem } from '../caliper/caliper-event.pseudonymizer';
import { normalizeCaliperEnvelope } from '../caliper/caliper-event.normalizer';
import { validateCaliperEnvelope } from '../caliper/caliper-envelope.validator';
import { IngestCredential } from '../credentials/ingest-credential.entity';
import { IngestValidationError } from '../errors/ingest-validation.error';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { insertRows } from '../storage/bulk-insert';
import { BulkTables } from '../storage/bulk-tables';
import { LearnerResolver } from '../storage/learner.resolver';
import { LearningEventStore } from '../storage/learning-event.store';
import { uuidV7 } from '../shared/uuid-v7';
import { ValidationIssue } from '../validation-issue';

const MAX_IDENTITY_LENGTH = 500;

export interface CaliperReceipt {
  received: number;
  events: { stored: number; duplicates: number };
  unsupported: { stored: number; duplicates: number; byType: Record<string, number> };
}

/**
 * The Caliper door: a valid envelope's events of the normalised kinds become learning events; every other valid
 * item is stored raw (pseudonymised) and counted. An invalid envelope stores nothing (400 naming each property).
 */
@Injectable()
export class CaliperEventService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly bus: DomainEventBus,
    private readonly learners: LearnerResolver,
    private readonly events: LearningEventStore,
  ) {}

  async receive(credential: IngestCredential, body: unknown): Promise<CaliperReceipt> {
    const validation = validateCaliperEnvelope(body);
    if (!validation.ok || !validation.envelope) throw new IngestValidationError('CALIPER_ENVELOPE_INVALID', validation.errors);
    const envelope = validation.envelope;
    const results = normalizeCaliperEnvelope(envelope);
    const events: NormalizedLearningEvent[] = [];
    const raw: Array<{ eventId: string; eventType: string; reason: string; item: unknown }> = [];
    const issues: ValidationIssue[] = [];
    results.forEach((result, i) => {
      if (result.kind === 'event') {
        const { issuer, subject } = result.event.learnerRef;
        if (issuer.length > MAX_IDENTITY_LENGTH || subject.length > MAX_IDENTITY_LENGTH) {
          issues.push({ path: `data[${i}].actor`, reason: `identifier longer than ${MAX_IDENTITY_LENGTH} characters` });
        }
        events.push(result.event);
      } else if (result.kind === 'unsupported') {
        raw.push({ eventId: result.sourceId, eventType: result.sourceType.slice(0, 200), reason: result.reason.slice(0, 500), item: envelope.data[i] });
      }
    });
    if (issues.length) throw new IngestValidationError('CALIPER_ENVELOPE_INVALID', issues);

    const tenantId = credential.tenantId;
    const now = this.clock.now();
    const { stored, rawInserted } = await this.tx.run(async (m) => {
      const storedEvents = await this.events.store(m, tenantId, events, now);
      const unique = [...new Map(raw.map((r) => [r.eventId, r])).values()];
      const rawInserted = await insertRows(m, BulkTables.caliperRawEvent,
        unique.map((r) => [uuidV7(now.getTime()), tenantId, r.eventId, r.eventType, r.reason, envelope.sensor,
          pseudonymizeCaliperItem(r.item, envelope.sensor, (ref) => this.learners.pseudonymOf(tenantId, ref)), now]),
        { onConflict: '("tenantId", "eventId") DO NOTHING', returning: ['eventId'] });
      return { stored: storedEvents, rawInserted };
    });
    if (stored.domainEvent) await this.bus.publish([stored.domainEvent]);
    const byType: Record<string, number> = {};
    for (const r of raw) if (rawInserted.has(r.eventId)) byType[r.eventType] = (byType[r.eventType] ?? 0) + 1;
    return {
      received: envelope.data.length,
      events: { stored: stored.inserted.size, duplicates: events.length - stored.inserted.size },
      unsupported: { stored: rawInserted.size, duplicates: raw.length - rawInserted.size, byType },
    };
  }
}
