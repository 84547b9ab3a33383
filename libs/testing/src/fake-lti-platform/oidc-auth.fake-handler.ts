import { randomBytes } from 'node:crypto';
import { LTI_SPEC } from './lti-spec.constants';
import { autoSubmitForm } from './auto-submit-form.util';
import { httpIo, type FakeRequest, type FakeResponse } from './http-io.util';
import type { IdTokenBuilder, LtiIdTokenClaims } from './id-token.builder';
import type { LaunchPreparer, PreparedLaunch } from './launch.preparer';
import type { PlatformClock } from './platform.clock';
import type { PlatformKeyStore } from './platform-key.store';
import type { PlatformRegistry } from './platform.registry';
import type { PlatformInfo } from './fake-lti-platform.types';

/** What /auth answered: the form it auto-submits, and the decoded data behind it. */
export interface AuthResponseRecord {
  at: Date;
  launchId?: string;
  /** The query/form the tool sent to /auth. */
  request: Record<string, string>;
  /** Where the browser posts the form (the tool's redirect_uri); undefined when /auth refused to redirect. */
  action?: string;
  fields: Record<string, string>;
  idToken?: string;
  claims?: LtiIdTokenClaims;
  /** The nonce the tool sent (which the id_token carries unless a mutation changed it). */
  requestedNonce?: string;
  error?: string;
  errorDescription?: string;
}

export interface OidcAuthDeps {
  platform: PlatformInfo;
  registry: PlatformRegistry;
  preparer: LaunchPreparer;
  builder: IdTokenBuilder;
  keys: PlatformKeyStore;
  clock: PlatformClock;
  idTokenTtlSeconds: number;
}

/**
 * The platform's OIDC authorization endpoint for LTI launches (Security Framework 1.0 §5.1.1.2-5.1.1.3).
 * Problems with client_id or redirect_uri get an error page (never a redirect to an unverified URI, per
 * RFC 6749 §4.1.2.1); every other problem is reported to the tool as an OIDC error form_post.
 */
export class OidcAuthFakeHandler {
  readonly responses: AuthResponseRecord[] = [];

  constructor(private readonly deps: OidcAuthDeps) {}

  async handle(req: FakeRequest): Promise<FakeResponse> {
    if (req.method !== 'GET' && req.method !== 'POST') return httpIo.error(405, 'method_not_allowed', 'GET or POST');
    const params = req.method === 'POST' ? httpIo.form(req) : Object.fromEntries(req.url.searchParams);
    const record = (r: Omit<AuthResponseRecord, 'at' | 'request'>): AuthResponseRecord => {
      const full = { at: this.deps.clock.date(), request: params, ...r };
      this.responses.push(full);
      return full;
    };

    const tool = params.client_id ? this.deps.registry.tool(params.client_id) : undefined;
    if (!tool) {
      record({ fields: {}, error: 'invalid_client', errorDescription: `unknown client_id ${params.client_id}` });
      return httpIo.html(400, 'Invalid client', `<p>Unknown client_id ${httpIo.escapeHtml(String(params.client_id))}</p>`);
    }
    if (!params.redirect_uri || !tool.redirectUris.includes(params.redirect_uri)) {
      record({ fields: {}, error: 'invalid_request', errorDescription: `redirect_uri not registered: ${params.redirect_uri}` });
      return httpIo.html(400, 'Invalid redirect_uri', `<p>redirect_uri is not registered for this tool</p>`);
    }

    const launch = this.deps.preparer.byMessageHint(params.lti_message_hint);
    const problem = this.validate(params, launch, tool.clientId);
    if (problem) {
      const fields: Record<string, string> = { error: problem.error, error_description: problem.description };
      if (params.state) fields.state = params.state;
      record({ launchId: launch?.id, action: params.redirect_uri, fields, error: problem.error, errorDescription: problem.description });
      return { status: 200, body: autoSubmitForm.render(params.redirect_uri, fields, 'Error'), contentType: 'text/html; charset=utf-8' };
    }

    const prepared = launch!;
    prepared.consumed = true;
    const claims = this.claimsFor(prepared, params.nonce);
    const idToken = await this.deps.keys.sign(claims, prepared.mutation.sign);
    const state = prepared.mutation.flow?.forgeState ? randomBytes(16).toString('hex') : params.state;
    const fields: Record<string, string> = { id_token: idToken, state };
    // Canvas repeats the storage target in the launch (its docs: "in both login and launch requests").
    if (prepared.loginParams.lti_storage_target) fields.lti_storage_target = prepared.loginParams.lti_storage_target;
    record({ launchId: prepared.id, action: params.redirect_uri, fields, idToken, claims, requestedNonce: params.nonce });
    return { status: 200, body: autoSubmitForm.render(params.redirect_uri, fields, 'Launching'), contentType: 'text/html; charset=utf-8' };
  }

  /** Nonces the tool sent in earlier successful authentication requests, newest first. */
  previousNonces(): string[] {
    return this.responses
      .filter((r) => r.idToken && r.requestedNonce)
      .map((r) => r.requestedNonce!)
      .reverse();
  }

  private validate(
    p: Record<string, string>,
    launch: PreparedLaunch | undefined,
    clientId: string,
  ): { error: string; description: string } | undefined {
    const bad = (error: string, description: string) => ({ error, description });
    if (!(p.scope ?? '').split(' ').includes('openid')) return bad('invalid_scope', 'scope must be openid');
    if (p.response_type !== 'id_token') return bad('unsupported_response_type', 'response_type must be id_token');
    if (p.response_mode !== 'form_post') return bad('invalid_request', 'response_mode must be form_post');
    if (p.prompt !== 'none') return bad('invalid_request', 'prompt must be none');
    if (!p.nonce) return bad('invalid_request', 'nonce is required');
    if (!p.state) return bad('invalid_request', 'state is required');
    if (!p.login_hint) return bad('invalid_request', 'login_hint is required');
    if (!launch) return bad('invalid_request', 'lti_message_hint does not match a launch of this platform');
    if (launch.consumed) return bad('invalid_request', 'this launch was already used (lti_message_hint is single-use)');
    if (launch.tool.clientId !== clientId) return bad('unauthorized_client', 'client_id does not match the launch');
    // The platform checks login_hint against the user in its session; a different user means no session.
    if (p.login_hint !== launch.user.id) return bad('login_required', 'login_hint is not the launching user');
    return undefined;
  }

  private claimsFor(launch: PreparedLaunch, nonce: string): LtiIdTokenClaims {
    const input = {
      tool: launch.tool,
      deploymentId: launch.deploymentId,
      user: launch.user,
      roles: launch.roles,
      context: launch.context,
      targetLinkUri: launch.targetLinkUri,
      custom: launch.custom,
      launchPresentation: launch.launchPresentation,
      nonce,
      nowSeconds: this.deps.clock.nowSeconds(),
      ttlSeconds: this.deps.idTokenTtlSeconds,
      resourceLink: launch.resourceLink,
      lineItemUrl: launch.lineItemUrl,
      deepLinking: launch.deepLinking,
    };
    const claims =
      launch.messageType === LTI_SPEC.messageType.deepLinkingRequest
        ? this.deps.builder.deepLinkingRequest(input)
        : this.deps.builder.resourceLinkRequest(input);
    const mutate = launch.mutation.claims;
    if (!mutate) return claims;
    const ctx = {
      issuedNonce: nonce,
      previousNonces: this.previousNonces(),
      nowSeconds: input.nowSeconds,
      platform: this.deps.platform,
      tool: launch.tool,
    };
    return mutate(claims, ctx) ?? claims;
  }
}
