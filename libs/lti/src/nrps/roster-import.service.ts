import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Clock } from '@o2o/core';
import { JobQueue, PermanentJobError } from '@o2o/jobs';
import { TransactionRunner } from '@o2o/persistence';
import { LtiCourseLink } from '../entities/lti-course-link.entity';
import { LtiRosterImport } from '../entities/lti-roster-import.entity';
import { LaunchHooks } from '../launch/launch.hooks';
import { RegistrationDirectory } from '../registrations/registration.directory';
import { LmsCallError } from '../services/lms-call.error';
import { RosterFetcher } from './roster.fetcher';
import { RosterReconciler } from './roster.reconciler';

export const ROSTER_IMPORT_JOB = 'lti.nrps.import';
type Trigger = LtiRosterImport['trigger'];

/**
 * Names and Roles roster imports: when a course is first launched, when an instructor asks, and then on a schedule
 * (LTI_ROSTER_SYNC_MINUTES). Each import reads every page, turns members into pseudonymous learners, and reports who
 * joined and who left since the last import.
 */
@Injectable()
export class RosterImportService implements OnModuleInit {
  private readonly logger = new Logger('RosterImport');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly directory: RegistrationDirectory,
    private readonly fetcher: RosterFetcher,
    private readonly reconciler: RosterReconciler,
    private readonly hooks: LaunchHooks,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ courseLinkId: string; trigger: Trigger }>(ROSTER_IMPORT_JOB, (p) => this.run(p.courseLinkId, p.trigger));
    this.hooks.add(async ({ link, linkCreated }) => {
      if (link && linkCreated && link.nrpsUrl) await this.request(link.id, 'launch');
    });
  }

  /**
   * Queues an import. A scheduled one is keyed by its time slot, so re-scheduling never doubles the schedule; a manual
   * or first-launch import always runs (two at once only repeat the same, idempotent reconciliation).
   */
  async request(courseLinkId: string, trigger: Trigger, runAt?: Date): Promise<string> {
    const idempotencyKey = trigger === 'schedule' && runAt
      ? `${ROSTER_IMPORT_JOB}:${courseLinkId}:schedule:${Math.floor(runAt.getTime() / (this.config.lti.rosterSyncMinutes * 60_000))}`
      : undefined;
    const { id } = await this.jobs.enqueue(ROSTER_IMPORT_JOB, { courseLinkId, trigger }, { runAt, idempotencyKey });
    return id;
  }

  async run(courseLinkId: string, trigger: Trigger): Promise<unknown> {
    const link = await this.dataSource.getRepository(LtiCourseLink).findOneBy({ id: courseLinkId });
    const registration = link ? (await this.directory.snapshot()).byId(link.registrationId) : undefined;
    if (!link || !registration) throw new PermanentJobError(`course link ${courseLinkId} or its registration is gone`);
    if (!link.nrpsUrl) throw new PermanentJobError('the LMS offers no Names and Roles service for this course');
    const report: LtiRosterImport = Object.assign(new LtiRosterImport(), {
      id: randomUUID(), tenantId: link.tenantId, courseLinkId, trigger, status: 'running', startedAt: this.clock.now(), finishedAt: null,
      pages: 0, members: 0, added: 0, removed: 0, unchanged: 0, addedLearnerIds: [], removedLearnerIds: [], error: null,
    });
    await this.tx.run((m) => m.insert(LtiRosterImport, report));
    try {
      const roster = await this.fetcher.fetchAll(registration, link.nrpsUrl);
      const outcome = await this.reconciler.reconcile(registration, link, roster.members);
      Object.assign(report, { status: 'done', finishedAt: this.clock.now(), pages: roster.pages, members: outcome.active, added: outcome.added.length,
        removed: outcome.removed.length, unchanged: outcome.unchanged, addedLearnerIds: outcome.added, removedLearnerIds: outcome.removed });
      await this.tx.run(async (m) => {
        await m.save(LtiRosterImport, report);
        await m.update(LtiCourseLink, { id: link.id }, { lastRosterImportAt: report.finishedAt });
      });
      await this.scheduleNext(link.id);
      return { members: report.members, added: report.added, removed: report.removed, pages: report.pages };
    } catch (err) {
      const message = (err as Error).message;
      await this.tx.run((m) => m.update(LtiRosterImport, { id: report.id }, { status: 'failed', finishedAt: this.clock.now(), error: message }));
      this.logger.warn(`roster import of ${courseLinkId} failed: ${message}`);
      if (err instanceof LmsCallError && !err.retryable) throw new PermanentJobError(message);
      throw err;
    }
  }

  private async scheduleNext(courseLinkId: string): Promise<void> {
    if (this.config.lti.rosterSyncMinutes <= 0) return;
    await this.request(courseLinkId, 'schedule', new Date(this.clock.now().getTime() + this.config.lti.rosterSyncMinutes * 60_000));
  }
}
