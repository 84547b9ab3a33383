import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LearnerIdentity } from '@o2o/core';
import { JobContext, JobQueue, PermanentJobError } from '@o2o/jobs';
import { TransactionRunner } from '@o2o/persistence';
import { LtiCourseLink } from '../entities/lti-course-link.entity';
import { GradeSyncStatus, LtiGradeSync } from '../entities/lti-grade-sync.entity';
import { SCOPE } from '../launch/lti-claims.constants';
import { RegistrationDirectory } from '../registrations/registration.directory';
import { LmsCallError } from '../services/lms-call.error';
import { LtiServiceClient, withPath } from '../services/lti-service.client';
import { GRADE_SYNC_JOB } from './attendance-outbox.listener';
import { LineItemResolver } from './line-item.resolver';

const SCORES: Record<string, number> = { present: 1, late: 0.5, absent: 0 };

/**
 * Delivers one attendance record to one LMS gradebook (AGS score publish). 5xx, 429, timeouts and network errors are
 * retried with the jobs' backoff; any other 4xx dead-letters the job with the LMS's reason. The score's timestamp is
 * the attendance's recordedAt, so a late retry of an older record never overwrites a newer one on the platform.
 */
@Injectable()
export class GradeSyncJob implements OnModuleInit {
  private readonly logger = new Logger('GradeSyncJob');

  constructor(
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly directory: RegistrationDirectory,
    private readonly client: LtiServiceClient,
    private readonly lineItems: LineItemResolver,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ gradeSyncId: string }>(GRADE_SYNC_JOB, (payload, ctx) => this.run(payload.gradeSyncId, ctx));
  }

  async run(gradeSyncId: string, ctx: Pick<JobContext, 'attempt' | 'maxAttempts'>): Promise<unknown> {
    const row = await this.dataSource.getRepository(LtiGradeSync).findOneBy({ id: gradeSyncId });
    if (!row || row.status === 'sent') return { skipped: 'already sent' };
    const link = await this.dataSource.getRepository(LtiCourseLink).findOneBy({ id: row.courseLinkId });
    const registration = link ? (await this.directory.snapshot()).byId(link.registrationId) : undefined;
    if (!link || !registration) return this.settle(row, 'failed', 'the course link or its registration was removed', true);
    const identity = await this.dataSource.getRepository(LearnerIdentity)
      .findOneBy({ learnerId: row.learnerId, issuer: registration.issuer, tenantId: row.tenantId });
    if (!identity) return this.settle(row, 'skipped', 'the learner has no account on this LMS');
    const [recordedAt] = row.version.split('|');
    try {
      const lineItem = await this.lineItems.resolve(registration, link, row.sessionId);
      await this.client.call(registration, [SCOPE.score], {
        method: 'POST', url: withPath(lineItem, '/scores'), contentType: 'application/vnd.ims.lis.v1.score+json', what: 'AGS score',
        body: {
          userId: identity.subject, scoreGiven: SCORES[row.attendanceStatus] ?? 0, scoreMaximum: 1, comment: row.attendanceStatus,
          activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp: new Date(recordedAt).toISOString(),
        },
      });
      await this.settle(row, 'sent', null);
      return { lineItem, userId: identity.subject, timestamp: recordedAt };
    } catch (err) {
      const message = (err as Error).message;
      const permanent = err instanceof LmsCallError ? !err.retryable : !(err instanceof Error) || err instanceof PermanentJobError;
      await this.settle(row, permanent || ctx.attempt >= ctx.maxAttempts ? 'failed' : 'queued', message);
      if (permanent) throw new PermanentJobError(message);
      throw err;
    }
  }

  private async settle(row: LtiGradeSync, status: GradeSyncStatus, error: string | null, permanent = false): Promise<unknown> {
    await this.tx.run((m) => m.update(LtiGradeSync, { id: row.id }, { status, lastError: error, updatedAt: new Date() }));
    if (status === 'failed') this.logger.warn(`grade sync ${row.id} failed: ${error}`);
    if (permanent) throw new PermanentJobError(error ?? 'failed');
    return { status, reason: error };
  }
}
