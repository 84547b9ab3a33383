import { Injectable, Logger } from '@nestjs/common';
import type { LtiCourseLink } from '../entities/lti-course-link.entity';
import type { LtiDeployment } from '../entities/lti-deployment.entity';
import type { LtiRegistration } from '../entities/lti-registration.entity';
import type { LtiSession } from '../entities/lti-session.entity';
import type { LaunchSummary } from './launch-summary.mapper';

export interface CompletedLaunch {
  registration: LtiRegistration;
  deployment: LtiDeployment;
  summary: LaunchSummary;
  session: LtiSession;
  link?: LtiCourseLink;
  linkCreated: boolean;
}

type Hook = (launch: CompletedLaunch) => Promise<void>;

/**
 * Things that follow a successful launch without being part of it (first roster import of a new course, mapping a
 * resource link's line item to its session). A failing hook is logged; the learner still gets the page.
 */
@Injectable()
export class LaunchHooks {
  private readonly logger = new Logger('LaunchHooks');
  private readonly hooks: Hook[] = [];

  add(hook: Hook): void {
    this.hooks.push(hook);
  }

  async run(launch: CompletedLaunch): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook(launch);
      } catch (err) {
        this.logger.error(`after-launch hook failed: ${(err as Error).stack ?? err}`);
      }
    }
  }
}
