import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { LtiRequestScope } from '../ltijs/lti-request.scope';
import { LtijsHost } from '../ltijs/ltijs.host';
import { LaunchGuard } from './launch.guard';
import { LoginFlow } from './login.flow';

/** POST /lti/launch: our guard first, then ltijs' own validation with the key and nonce our guard settled. */
@Injectable()
export class LaunchFlow {
  constructor(
    private readonly guard: LaunchGuard,
    private readonly login: LoginFlow,
    private readonly host: LtijsHost,
  ) {}

  async handle(req: IncomingMessage & { body?: Record<string, unknown> }, res: ServerResponse & { locals?: Record<string, unknown> }): Promise<void> {
    const facts = await this.guard.check(req, this.login.nonces);
    res.locals = res.locals ?? {};
    res.locals.o2oLaunch = facts;
    await LtiRequestScope.run(() => this.host.handle(req, res), {
      verifiedKey: { issuer: facts.registration.issuer, clientId: facts.registration.clientId, key: facts.key },
      nonce: facts.nonce,
      stateHasQuery: facts.stateHasQuery,
    });
  }
}
