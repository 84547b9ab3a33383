import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request } from 'express';
import { CoursePageActions } from '../app/course-page.actions';
import { presentationOf } from '../launch/launch-presentation.util';
import { LaunchFlow } from '../launch/launch.flow';
import { LoginFlow } from '../launch/login.flow';
import { LtiRejection } from '../launch/lti-rejection.error';
import { STORAGE_LAUNCH_PATH } from '../launch/platform-storage.launch';
import { LtijsHost } from '../ltijs/ltijs.host';
import { ConfigurationDocuments } from '../registrations/configuration-documents.service';
import { readFormBody } from './form-body.reader';
import { LtiHttpPolicy } from './lti-http.policy';

type Route = (req: Request, res: ServerResponse) => Promise<void>;

/**
 * Everything under /lti: ltijs' endpoints behind our guards (login, launch, keys, register), our own pages and
 * actions, and configuration documents. Mounted on the Nest host's Express app; anything that fails ends in the
 * en/zh error page, never in JSON or a stack.
 */
@Injectable()
export class LtiRouter {
  private readonly extra = new Map<string, Route>();

  constructor(
    private readonly policy: LtiHttpPolicy,
    private readonly host: LtijsHost,
    private readonly login: LoginFlow,
    private readonly launch: LaunchFlow,
    private readonly actions: CoursePageActions,
    private readonly documents: ConfigurationDocuments,
  ) {}

  /** Routes other parts of the module add (`GET /canvas.json`, `GET /admin`…), keyed "METHOD /path". */
  add(method: 'GET' | 'POST', path: string, route: Route): void {
    this.extra.set(`${method} ${path}`, route);
  }

  readonly middleware = (req: IncomingMessage, res: ServerResponse, _next: NextFunction): void => {
    void this.dispatch(req as Request, res);
  };

  /**
   * Puts /lti in front of the host's own middleware (body parsers, request logging): launches are the hot path and
   * everything under /lti reads its own form bodies and logs its own refusals. Called by the host's configureHttpApp.
   */
  mount(app: { use: (path: string, handler: LtiRouter['middleware']) => unknown }): void {
    if (this.mounted) return;
    this.mounted = true;
    app.use('/lti', this.middleware);
  }

  private mounted = false;

  private async dispatch(req: Request, res: ServerResponse): Promise<void> {
    try {
      if (await this.policy.cors(req, res)) return;
      await readFormBody(req);
      const path = req.path;
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      if (path === '/login' && (method === 'GET' || method === 'POST')) return await this.login.handle(req, res);
      if (path === '/launch' && method === 'POST') return await this.launch.handle(req, res);
      if (path === STORAGE_LAUNCH_PATH && method === 'POST') return await this.launch.handleStorage(req, res);
      if (path === '/launch' && method === 'GET') throw new LtiRejection('LAUNCH_NEEDS_LMS', 400);
      if ((path === '/keys' || path === '/register') && method === 'GET') return await this.host.handle(req, res);
      if (path.startsWith('/app/') && method === 'POST') return await this.actions.handle(req, res, path.slice('/app/'.length));
      const route = this.extra.get(`${method} ${path}`);
      if (route) return await route(req, res);
      if (method === 'GET' && (await this.documents.serve(path, res))) return;
      throw new LtiRejection('PAGE_NOT_FOUND', 404, {}, `${req.method} ${path}`);
    } catch (err) {
      const presentation = req.path === '/launch' || req.path === STORAGE_LAUNCH_PATH ? presentationOf((req.body as { id_token?: unknown } | undefined)?.id_token) : {};
      await this.policy.sendError(req, res, err, {
        locale: presentation.locale ? this.policy.locale(req, presentation.locale) : undefined,
        returnUrl: presentation.returnUrl,
      });
    }
  }
}
