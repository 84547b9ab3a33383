import type { ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { Locale, translate } from '@o2o/i18n';
import type { LtiSession, LtiView } from '../entities/lti-session.entity';
import { LtiHttpPolicy } from '../http/lti-http.policy';
import { LtiRejection } from '../launch/lti-rejection.error';
import { COPY_SCRIPT, renderAdminSections } from '../pages/admin.page';
import { t } from '../pages/html.util';
import { renderInstructorPage } from '../pages/instructor.page';
import { renderLearnerPage } from '../pages/learner.page';
import { renderLayout } from '../pages/page.layout';
import { Flash, flashBlock, navBlock, PageContext } from '../pages/page-fragments.partial';
import { AdminPageLoader } from './admin-page.loader';
import { InstructorPageLoader } from './instructor-page.loader';
import { LearnerPageLoader } from './learner-page.loader';

export interface ShowOptions {
  flash?: Flash;
  linkCode?: { code: string; expiresAt: Date };
  /** Instructor page: the session whose bookings are expanded. */
  selectedSessionId?: string;
  status?: number;
  /** The learner page's rows, already read by the launch together with its write. */
  learnerRows?: Array<Record<string, unknown>>;
  /** A page other than the view's own (the deep linking return form). */
  override?: (ctx: PageContext) => Promise<{ html: string; formTargets?: string[] }>;
}

type ViewRenderer = (ctx: PageContext, session: LtiSession, options: ShowOptions) => Promise<{ html: string; formTargets?: string[] }>;

/** Which views a session may show: everyone the learner page, instructors theirs, administrators all. */
export function allowedViews(session: LtiSession): LtiView[] {
  if (session.view === 'deep-linking') return ['deep-linking'];
  const views: LtiView[] = [];
  if (session.roles.includes('administrator')) views.push('administrator');
  if (session.roles.includes('instructor') || session.roles.includes('administrator')) views.push('instructor');
  views.push('learner');
  return views;
}

/** Renders the page of a view for a course-page session (after a launch, and after every action). */
@Injectable()
export class CoursePages {
  private readonly renderers = new Map<LtiView, ViewRenderer>();

  constructor(
    private readonly policy: LtiHttpPolicy,
    learner: LearnerPageLoader,
    instructor: InstructorPageLoader,
    admin: AdminPageLoader,
  ) {
    this.register('learner', async (ctx, session, options) => ({
      html: renderLearnerPage(ctx, { ...(await learner.load(session, options.learnerRows)), flash: options.flash, linkCode: options.linkCode }),
    }));
    this.register('instructor', async (ctx, session, options) => ({
      html: renderInstructorPage(ctx, { ...(await instructor.load(session, options.selectedSessionId)), flash: options.flash }),
    }));
    this.register('administrator', async (ctx, session, options) => {
      const body = `${navBlock(ctx)}<h1>${t(ctx.locale, 'lti.admin.title')}</h1>${flashBlock(options.flash)}` +
        renderAdminSections(await admin.load(session.tenantId, ctx.locale));
      return { html: renderLayout({ locale: ctx.locale, nonce: ctx.nonce, title: translate(ctx.locale, 'lti.admin.title'), body, script: COPY_SCRIPT }) };
    });
  }

  /** Other views (instructor, administrator, deep linking) plug in here, so this service stays small. */
  register(view: LtiView, renderer: ViewRenderer): void {
    this.renderers.set(view, renderer);
  }

  async show(res: ServerResponse, session: LtiSession, token: string, view: LtiView, options: ShowOptions = {}): Promise<void> {
    const views = allowedViews(session);
    if (!views.includes(view)) throw new LtiRejection('NOT_ALLOWED', 403, {}, `view ${view}`);
    const renderer = this.renderers.get(view);
    if (!renderer) throw new LtiRejection('PAGE_NOT_FOUND', 404, {}, `view ${view}`);
    const nonce = this.policy.newNonce();
    const ctx: PageContext = {
      locale: session.locale as Locale, nonce, token, view, views, actionUrl: (name) => this.policy.urls.action(name),
    };
    const { html, formTargets } = options.override ? await options.override(ctx) : await renderer(ctx, session, options);
    await this.policy.sendPage(res, html, { nonce, status: options.status, registrationId: session.registrationId, formTargets });
  }
}
