import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { TransactionRunner } from '@o2o/persistence';
import { AdminConsole } from './admin/admin-console';
import { AttendanceOutbox } from './ags/attendance-outbox.listener';
import { GradeSyncJob } from './ags/grade-sync.job';
import { LineItemResolver } from './ags/line-item.resolver';
import { ResourceLinkLineItems } from './ags/resource-link-line-item.hook';
import { AdminPageLoader } from './app/admin-page.loader';
import { CourseLinkService } from './app/course-link.service';
import { CoursePageActions } from './app/course-page.actions';
import { CoursePages } from './app/course-pages.service';
import { InstructorActions } from './app/instructor.actions';
import { InstructorPageLoader } from './app/instructor-page.loader';
import { LearnerActions } from './app/learner.actions';
import { LearnerPageLoader } from './app/learner-page.loader';
import { LtiSessionService } from './app/lti-session.service';
import { PlanProposalActions } from './app/plan-proposal.actions';
import { LtiHttpPolicy } from './http/lti-http.policy';
import { LtiRouter } from './http/lti.router';
import { registerLtiMessages } from './i18n/lti-messages.registry';
import { LaunchCompleter } from './launch/launch.completer';
import { LaunchFlow } from './launch/launch.flow';
import { LaunchGuard } from './launch/launch.guard';
import { presentationOf } from './launch/launch-presentation.util';
import { LaunchHooks } from './launch/launch.hooks';
import { LaunchWriter } from './launch/launch.writer';
import { LtiCleanupJob } from './maintenance/lti-cleanup.job';
import { LoginFlow } from './launch/login.flow';
import { PlatformStorageLaunch } from './launch/platform-storage.launch';
import { LtijsHost } from './ltijs/ltijs.host';
import { TypeormLtijsStore } from './ltijs/typeorm-ltijs.store';
import { PlatformKeySetCache } from './registrations/platform-key-set.cache';
import { RegistrationDirectory } from './registrations/registration.directory';
import { ConfigurationDocuments } from './registrations/configuration-documents.service';
import { DynamicRegistrationFlow } from './registrations/dynamic-registration.flow';
import { RegistrationService } from './registrations/registration.service';
import { RegistrationsController } from './registrations/registrations.controller';
import { DeepLinkingService } from './deep-linking/deep-linking.service';
import { RosterImportService } from './nrps/roster-import.service';
import { RosterActions } from './nrps/roster.actions';
import { RosterFetcher } from './nrps/roster.fetcher';
import { RosterReconciler } from './nrps/roster.reconciler';
import { LtiServiceClient } from './services/lti-service.client';
import { ServiceTokenClient } from './services/service-token.client';

registerLtiMessages();

/**
 * The LTI 1.3 tool: ltijs mounted under /lti behind our guards, on our own database, with the course pages, the
 * registration API (/api/v1/lti/platforms) and the LMS services (roster, gradebook, deep linking).
 */
@Module({
  controllers: [RegistrationsController],
  providers: [
    RegistrationDirectory, RegistrationService, PlatformKeySetCache, LtiHttpPolicy, LtijsHost, LoginFlow, LaunchGuard,
    LaunchFlow, PlatformStorageLaunch, LaunchCompleter, LaunchHooks, LaunchWriter, LtiSessionService, CourseLinkService, CoursePages, CoursePageActions,
    LearnerPageLoader, LearnerActions, InstructorPageLoader, InstructorActions, AdminPageLoader, AdminConsole, LtiRouter, PlanProposalActions,
    ServiceTokenClient, LtiServiceClient, AttendanceOutbox, LineItemResolver, GradeSyncJob, ResourceLinkLineItems,
    RosterFetcher, RosterReconciler, RosterImportService, RosterActions, DeepLinkingService, DynamicRegistrationFlow, ConfigurationDocuments, LtiCleanupJob,
    {
      provide: TypeormLtijsStore,
      inject: [getDataSourceToken(), TransactionRunner, APP_CONFIG, RegistrationDirectory],
      useFactory: (ds: DataSource, tx: TransactionRunner, config: AppConfig, directory: RegistrationDirectory) =>
        new TypeormLtijsStore(ds, tx, config.lti.encryptionKey, directory, 'o2o'),
    },
  ],
  exports: [RegistrationService, RegistrationDirectory, TypeormLtijsStore],
})
export class LtiModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly router: LtiRouter,
    private readonly host: LtijsHost,
    private readonly completer: LaunchCompleter,
    private readonly policy: LtiHttpPolicy,
    private readonly registration: DynamicRegistrationFlow,
  ) {}

  onModuleInit(): void {
    const fail = (req: Parameters<LtiHttpPolicy['sendError']>[0], res: Parameters<LtiHttpPolicy['sendError']>[1], err: unknown) => {
      const body = (req as { body?: { id_token?: unknown } }).body;
      const presentation = presentationOf(body?.id_token);
      return this.policy.sendError(req, res, err, {
        locale: presentation.locale ? this.policy.locale(req, presentation.locale) : undefined, returnUrl: presentation.returnUrl,
      });
    };
    const launch = (token: Parameters<LaunchCompleter['complete']>[0], req: Parameters<LaunchCompleter['complete']>[1], res: Parameters<LaunchCompleter['complete']>[2]) =>
      this.completer.complete(token, req, res).catch((err) => fail(req, res, err));
    const registration = (req: Parameters<DynamicRegistrationFlow['handle']>[0], res: Parameters<DynamicRegistrationFlow['handle']>[1]) =>
      this.registration.handle(req, res).catch((err) => fail(req, res, err));
    this.host.handlers({ launch, deepLinking: launch, registration, error: fail });
    // configureHttpApp mounts /lti ahead of the host's middleware; an app built without it still gets the tool here.
    // A worker process (apps/worker) has no HTTP adapter: it only runs the LTI jobs.
    const app = this.adapterHost.httpAdapter?.getInstance?.() as { use: (path: string, fn: unknown) => void } | undefined;
    if (app) this.router.mount(app);
  }
}
