import { Injectable, OnModuleInit } from '@nestjs/common';
import { Course, OfflineSessionService } from '@o2o/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Locale, translate } from '@o2o/i18n';
import { ATTENDANCE_TAG, resourceIdOf } from '../ags/line-item.resolver';
import { field, requireRole } from '../app/action-input.util';
import { CoursePageActions } from '../app/course-page.actions';
import { CoursePages } from '../app/course-pages.service';
import { LtiHttpPolicy } from '../http/lti-http.policy';
import type { LaunchSummary } from '../launch/launch-summary.mapper';
import { LtiRejection } from '../launch/lti-rejection.error';
import { TypeormLtijsStore } from '../ltijs/typeorm-ltijs.store';
import { originOf } from '../registrations/origin-of.util';
import { RegistrationDirectory } from '../registrations/registration.directory';
import { ContentItem, signDeepLinkingResponse } from './deep-linking.response';
import { renderDeepLinkingPage, renderDeepLinkingReturn } from './deep-linking.page';

type Settings = NonNullable<LaunchSummary['deepLinking']>;

/**
 * Deep Linking 2.0: an instructor picks "offline sessions for this course" (the suggestion view) or one session,
 * optionally with a gradebook column for its attendance; the response carries `ltiResourceLink` items (the only type
 * Moodle accepts) whose custom parameters tell later launches what to open.
 */
@Injectable()
export class DeepLinkingService implements OnModuleInit {
  constructor(
    private readonly pages: CoursePages,
    private readonly actions: CoursePageActions,
    private readonly sessions: OfflineSessionService,
    private readonly directory: RegistrationDirectory,
    private readonly store: TypeormLtijsStore,
    private readonly policy: LtiHttpPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.pages.register('deep-linking', async (ctx, session, options) => {
      const settings = session.launch.deepLinking as Settings;
      const sessions = session.courseId ? await this.sessions.list(session.tenantId, { courseId: session.courseId, from: new Date(), limit: 50 }) : [];
      return {
        html: renderDeepLinkingPage(ctx, {
          courseTitle: session.launch.courseTitle as string | undefined, sessions, flash: options.flash,
          acceptLineItem: settings.acceptLineItem && settings.acceptTypes.includes('ltiResourceLink'),
        }),
      };
    });

    this.actions.register('deep-link', async ({ session, body }) => {
      requireRole(session, 'instructor', 'administrator');
      const settings = session.launch.deepLinking as Settings | undefined;
      if (!settings) throw new LtiRejection('NOT_ALLOWED', 403, {}, 'not a deep linking session');
      if (!settings.acceptTypes.includes('ltiResourceLink')) throw new LtiRejection('NOT_ALLOWED', 403, {}, 'platform accepts no ltiResourceLink');
      const locale = session.locale as Locale;
      const items = await this.itemsFor(session.tenantId, session.courseId, field(body, 'choice', 60), body.lineItem === 'on' && settings.acceptLineItem, locale);
      const registration = (await this.directory.snapshot()).byId(session.registrationId);
      const keys = await this.store.keyRepository.get('private', session.registrationId);
      if (!registration || !keys) throw new LtiRejection('LTI_INTERNAL', 500, {}, 'registration or key missing');
      const jwt = await signDeepLinkingResponse({
        clientId: registration.clientId, issuer: registration.issuer, deploymentId: session.deploymentId, kid: registration.id,
        privateKeyPem: String(keys[0].key), items: settings.acceptMultiple ? items : items.slice(0, 1), data: settings.data,
        message: translate(locale, 'lti.dl.done', { count: items.length }),
      });
      return {
        view: 'deep-linking',
        override: async (ctx) => ({ html: renderDeepLinkingReturn(ctx, settings.returnUrl, jwt), formTargets: [originOf(settings.returnUrl)!] }),
      };
    });
  }

  private async itemsFor(tenantId: string, courseId: string | null, choice: string, lineItem: boolean, locale: Locale): Promise<ContentItem[]> {
    const url = this.policy.urls.launch;
    if (choice === 'suggestions') {
      const course = courseId ? await this.dataSource.getRepository(Course).findOneBy({ id: courseId }) : null;
      return [{ type: 'ltiResourceLink', title: translate(locale, 'lti.dl.itemTitle'), text: course?.title, url, custom: { o2o_view: 'suggestions' } }];
    }
    const sessionId = choice.startsWith('session:') ? choice.slice('session:'.length) : '';
    const offline = await this.sessions.get(tenantId, sessionId);
    if (!courseId || offline.courseId !== courseId) throw new LtiRejection('NOT_ALLOWED', 403, {}, `session ${sessionId}`);
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: offline.timeZone }).format(offline.startsAt);
    return [{
      type: 'ltiResourceLink', title: offline.title, text: `${offline.city} · ${day}`, url,
      custom: { o2o_view: 'session', o2o_session_id: offline.id },
      ...(lineItem ? { lineItem: {
        scoreMaximum: 1, label: translate(locale, 'lti.ags.label', { title: offline.title, day }), resourceId: resourceIdOf(offline.id), tag: ATTENDANCE_TAG,
      } } : {}),
    }];
  }
}
