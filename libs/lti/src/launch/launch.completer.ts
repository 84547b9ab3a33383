import type { Request, Response } from 'express';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { IdentityService } from '@o2o/core';
import { isUniqueViolation } from '@o2o/persistence';
import { PluginRegistry } from '@o2o/plugin-sdk';
import { CourseLinkService } from '../app/course-link.service';
import { CoursePages } from '../app/course-pages.service';
import { LearnerPageLoader } from '../app/learner-page.loader';
import { LtiRequestScope } from '../ltijs/lti-request.scope';
import type { LtijsIdToken } from '../ltijs/ltijs.types';
import type { LaunchFacts } from './launch.guard';
import { LaunchHooks } from './launch.hooks';
import { LaunchWriter } from './launch.writer';
import { summarizeLaunch, viewFor } from './launch-summary.mapper';
import { LtiRejection } from './lti-rejection.error';

/**
 * Turns a launch ltijs has verified into a course page: the pseudonymous learner (IdentityService, issuer + sub),
 * the course and its link, and one transaction holding ltijs' launch records, the nonce's single use and our
 * session. A replayed nonce fails that transaction, so a rejected launch leaves nothing behind.
 */
@Injectable()
export class LaunchCompleter {
  private readonly learners = new Map<string, string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identity: IdentityService,
    private readonly plugins: PluginRegistry,
    private readonly courseLinks: CourseLinkService,
    private readonly writer: LaunchWriter,
    private readonly pages: CoursePages,
    private readonly hooks: LaunchHooks,
    private readonly learnerPage: LearnerPageLoader,
  ) {}

  /**
   * The pseudonymous learner for (issuer, sub), through IdentityService. The mapping never changes once made, so it is
   * remembered: returning learners cost no query.
   */
  private async learnerOf(tenantId: string, issuer: string, summary: { sub: string; displayName?: string; locale: string }): Promise<string> {
    const key = `${tenantId}\u0000${issuer}\u0000${summary.sub}`;
    const known = this.learners.get(key);
    if (known) return known;
    const { learner } = await this.identity.learnerFor(tenantId, issuer, summary.sub, {
      displayName: summary.displayName ?? null, locale: summary.locale,
    });
    if (this.learners.size >= 50_000) this.learners.clear();
    this.learners.set(key, learner.id);
    return learner.id;
  }

  async complete(token: LtijsIdToken, _req: Request, res: Response): Promise<void> {
    const facts = (res.locals as { o2oLaunch?: LaunchFacts }).o2oLaunch;
    const scope = LtiRequestScope.current();
    if (!facts || !scope || token.iss !== facts.registration.issuer || token.user !== facts.claims.sub) {
      throw new LtiRejection('LAUNCH_INVALID', 400, { reason: 'launch without our checks' });
    }
    const { registration, deployment } = facts;
    const plugin = this.plugins.lmsFor({
      issuer: registration.issuer,
      productFamilyCode: registration.productFamilyCode ?? token.platformInfo?.product_family_code,
    });
    const summary = summarizeLaunch(facts.claims, plugin, this.config.defaultLocale);
    const view = viewFor(summary);
    if (view === 'deep-linking' && !summary.roles.some((r) => r === 'instructor' || r === 'administrator')) {
      throw new LtiRejection('DEEP_LINKING_NOT_ALLOWED', 403);
    }
    const learnerId = await this.learnerOf(deployment.tenantId, registration.issuer, summary);
    const ensured = summary.contextId ? await this.courseLinks.ensure(deployment, { ...summary, contextId: summary.contextId }) : undefined;
    const courseId = ensured?.link.courseId ?? null;
    // The learner page's read travels with the launch's write (one round trip where the database allows it).
    const read = view === 'learner' ? this.learnerPage.statement(deployment.tenantId, learnerId, courseId) : undefined;
    let opened;
    try {
      opened = await this.writer.write(scope.deferred, {
        tenantId: deployment.tenantId, registrationId: registration.id, deploymentId: deployment.deploymentId,
        courseLinkId: ensured?.link.id ?? null, courseId, learnerId,
        roles: summary.roles, locale: summary.locale, view,
        launch: {
          courseTitle: summary.courseTitle, returnUrl: summary.returnUrl, resourceLinkId: summary.resourceLinkId,
          targetSessionId: summary.custom.o2o_session_id, deepLinking: summary.deepLinking,
        },
      }, read);
    } catch (err) {
      if (isUniqueViolation(err)) throw new LtiRejection('NONCE_REPLAYED', 401, {}, facts.nonce);
      throw err;
    } finally {
      scope.deferred.length = 0;
    }
    await this.hooks.run({ registration, deployment, summary, session: opened.session, link: ensured?.link, linkCreated: !!ensured?.created });
    await this.pages.show(res, opened.session, opened.token, view, { learnerRows: opened.read });
  }
}
