import { Injectable, OnModuleInit } from '@nestjs/common';
import { Locale, translate } from '@o2o/i18n';
import { requireRole } from '../app/action-input.util';
import { CoursePageActions } from '../app/course-page.actions';
import { LtiRejection } from '../launch/lti-rejection.error';
import { RosterImportService } from './roster-import.service';

/** The instructor page's "Import the roster now" button. */
@Injectable()
export class RosterActions implements OnModuleInit {
  constructor(
    private readonly actions: CoursePageActions,
    private readonly imports: RosterImportService,
  ) {}

  onModuleInit(): void {
    this.actions.register('roster-import', async ({ session }) => {
      requireRole(session, 'instructor', 'administrator');
      if (!session.courseLinkId) throw new LtiRejection('NOT_ALLOWED', 403, {}, 'no course link');
      await this.imports.request(session.courseLinkId, 'manual');
      return { view: 'instructor', flash: { kind: 'notice', text: translate(session.locale as Locale, 'lti.instructor.rosterQueued') } };
    });
  }
}
