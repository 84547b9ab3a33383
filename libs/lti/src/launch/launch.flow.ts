import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { LtiRequestScope } from '../ltijs/lti-request.scope';
import { LtijsHost } from '../ltijs/ltijs.host';
import { LaunchFacts, LaunchGuard } from './launch.guard';
import { LoginFlow } from './login.flow';
import { PlatformStorageLaunch } from './platform-storage.launch';

type FormRequest = IncomingMessage & { body?: Record<string, unknown> };
type LaunchResponse = ServerResponse & { locals?: Record<string, unknown> };

/** POST /lti/launch: our guard first, then ltijs' own validation with the key and nonce our guard settled. */
@Injectable()
export class LaunchFlow {
  constructor(
    private readonly guard: LaunchGuard,
    private readonly login: LoginFlow,
    private readonly host: LtijsHost,
    private readonly storage: PlatformStorageLaunch,
  ) {}

  async handle(req: FormRequest, res: LaunchResponse): Promise<void> {
    const facts = await this.guard.check(req, this.login.nonces);
    // No state cookie, but the login used LTI Platform Storage: the browser reads the state back first.
    if (facts.awaitingPlatformStorage) return this.storage.firstStep(req, res, facts);
    await this.run(req, res, facts);
  }

  /** POST /lti/launch/storage: the launch again, with state and nonce read from the platform's storage. */
  async handleStorage(req: FormRequest, res: LaunchResponse): Promise<void> {
    this.storage.checkSameOrigin(req);
    const facts = await this.guard.check(req, this.login.nonces, 'platform-storage');
    this.storage.presentStateCookie(req, facts, String(req.body?.state));
    await this.run(req, res, facts);
  }

  private async run(req: FormRequest, res: LaunchResponse, facts: LaunchFacts): Promise<void> {
    res.locals = res.locals ?? {};
    res.locals.o2oLaunch = facts;
    await LtiRequestScope.run(() => this.host.handle(req, res), {
      verifiedKey: { issuer: facts.registration.issuer, clientId: facts.registration.clientId, key: facts.key },
      nonce: facts.nonce,
      stateHasQuery: facts.stateHasQuery,
    });
  }
}
