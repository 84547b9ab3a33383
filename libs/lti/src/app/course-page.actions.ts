import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@o2o/core';
import { Locale, translate } from '@o2o/i18n';
import type { LtiSession, LtiView } from '../entities/lti-session.entity';
import { LtiRejection } from '../launch/lti-rejection.error';
import { allowedViews, CoursePages, ShowOptions } from './course-pages.service';
import { LtiSessionService } from './lti-session.service';

export interface ActionInput {
  session: LtiSession;
  body: Record<string, unknown>;
  view: LtiView;
}

export type ActionResult = ShowOptions & { view?: LtiView };
type ActionHandler = (input: ActionInput) => Promise<ActionResult>;

/**
 * POST /lti/app/:action from the course pages. Every action carries the session token in the form body; business
 * refusals (full waitlist, closed booking…) come back on the same page as a message in the reader's language.
 */
@Injectable()
export class CoursePageActions {
  private readonly handlers = new Map<string, ActionHandler>();

  constructor(
    private readonly sessions: LtiSessionService,
    private readonly pages: CoursePages,
  ) {
    this.register('view', async () => ({}));
  }

  register(name: string, handler: ActionHandler): void {
    this.handlers.set(name, handler);
  }

  async handle(req: IncomingMessage & { body?: Record<string, unknown> }, res: ServerResponse, name: string): Promise<void> {
    const body = req.body ?? {};
    const token = body.session;
    const session = await this.sessions.resolve(token);
    const handler = this.handlers.get(name);
    if (!handler) throw new LtiRejection('PAGE_NOT_FOUND', 404, {}, `action ${name}`);
    const requested = typeof body.view === 'string' ? (body.view as LtiView) : session.view;
    const view = allowedViews(session).includes(requested) ? requested : session.view;
    let result: ActionResult;
    try {
      result = await handler({ session, body, view });
    } catch (err) {
      // Business refusals and bad form input stay on the page as a message; anything else is the error page.
      const input = err instanceof LtiRejection && err.code === 'INVALID_INPUT';
      if (!(err instanceof DomainError) && !input) throw err;
      const e = err as DomainError | LtiRejection;
      result = { flash: { kind: 'error', text: translate(session.locale as Locale, e.code, e.params) }, status: e.status };
    }
    await this.pages.show(res, session, String(token), result.view ?? view, result);
  }
}
