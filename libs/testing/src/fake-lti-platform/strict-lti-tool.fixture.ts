import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type KeyLike } from 'jose';
import { LTI_SPEC } from './lti-spec.constants';
import { autoSubmitForm } from './auto-submit-form.util';
import { httpIo } from './http-io.util';
import type { PlatformConfigForTool } from './fake-lti-platform.types';

const C = LTI_SPEC.claim;

/**
 * A small, strict LTI 1.3 tool used only to test the fake platform: it performs every check of the
 * Security Framework, so each KNOWN_BAD_LAUNCHES case must fail against it and each valid variation
 * must pass. It is not the product's tool (that is built on ltijs elsewhere).
 */
export class StrictLtiToolFixture {
  readonly accepted: Record<string, unknown>[] = [];
  readonly rejected: string[] = [];
  config?: PlatformConfigForTool;
  /** Cookie attributes of the state cookie (tests of browser SameSite behaviour change this). */
  stateCookieAttributes = 'Path=/; HttpOnly; SameSite=None; Secure; Max-Age=600';
  private readonly usedNonces = new Set<string>();
  private readonly server = http.createServer((req, res) => void this.route(req, res));
  private url = '';
  private constructor(
    private readonly privateKey: KeyLike,
    readonly publicJwk: JWK,
  ) {}

  static async start(): Promise<StrictLtiToolFixture> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'tool-key-1', alg: 'RS256', use: 'sig' };
    const tool = new StrictLtiToolFixture(privateKey, jwk);
    await new Promise<void>((resolve) => tool.server.listen(0, '127.0.0.1', resolve));
    tool.url = `http://127.0.0.1:${(tool.server.address() as AddressInfo).port}`;
    return tool;
  }

  get baseUrl(): string {
    return this.url;
  }

  /** Registration input for `platform.registerTool`. */
  registration(extra: Record<string, unknown> = {}) {
    return { loginUrl: `${this.url}/login`, redirectUris: [`${this.url}/launch`], jwksUrl: `${this.url}/keys`, ...extra };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async sign(payload: Record<string, unknown>, kid = this.publicJwk.kid): Promise<string> {
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(this.privateKey);
  }

  /** RFC 7523 client assertion; overrides let a test break one field. */
  async clientAssertion(overrides: Record<string, unknown> = {}): Promise<string> {
    const cfg = this.requireConfig();
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: cfg.clientId, sub: cfg.clientId, aud: cfg.tokenEndpoint, iat: now, exp: now + 60, jti: randomBytes(12).toString('hex'), ...overrides };
    return this.sign(Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined)));
  }

  async requestToken(scopes: string[], assertion?: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const cfg = this.requireConfig();
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: LTI_SPEC.oauth.clientAssertionType,
      client_assertion: assertion ?? (await this.clientAssertion()),
      scope: scopes.join(' '),
    });
    const res = await fetch(cfg.tokenEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  private requireConfig(): PlatformConfigForTool {
    if (!this.config) throw new Error('StrictLtiToolFixture: config not set');
    return this.config;
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await httpIo.readBody(req);
    const params = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(raw)) : Object.fromEntries(url.searchParams);
    const send = (status: number, body: string, headers: Record<string, string | string[]> = {}): void => {
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(body);
    };
    try {
      if (url.pathname === '/keys') return send(200, JSON.stringify({ keys: [this.publicJwk] }), { 'content-type': 'application/json' });
      if (url.pathname === '/login') return this.login(params, send);
      if (url.pathname === '/launch') return await this.launch(params, String(req.headers.cookie ?? ''), send);
      if (url.pathname === '/register') return await this.register(params, send);
      send(404, 'not found');
    } catch (err) {
      send(500, (err as Error).message);
    }
  }

  private login(p: Record<string, string>, send: (s: number, b: string, h?: Record<string, string | string[]>) => void): void {
    const cfg = this.requireConfig();
    if (p.iss !== cfg.issuer || !p.login_hint || !p.target_link_uri) return send(400, 'bad login initiation');
    if (p.client_id && p.client_id !== cfg.clientId) return send(400, 'unknown client_id');
    const state = randomBytes(12).toString('hex');
    const nonce = randomBytes(12).toString('hex');
    const auth = new URL(cfg.authorizationEndpoint);
    const q = { scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none', client_id: cfg.clientId, redirect_uri: `${this.url}/launch`, login_hint: p.login_hint, state, nonce };
    for (const [k, v] of Object.entries(q)) auth.searchParams.set(k, v);
    if (p.lti_message_hint) auth.searchParams.set('lti_message_hint', p.lti_message_hint);
    send(302, '', { location: auth.toString(), 'set-cookie': `lti_state_${state}=${nonce}; ${this.stateCookieAttributes}` });
  }

  private async launch(p: Record<string, string>, cookieHeader: string, send: (s: number, b: string) => void): Promise<void> {
    const reject = (reason: string): void => {
      this.rejected.push(reason);
      send(401, reason);
    };
    const cfg = this.requireConfig();
    if (!p.id_token || !p.state) return reject(p.error ? `platform error ${p.error}` : 'missing id_token/state');
    const cookies = Object.fromEntries(cookieHeader.split(/;\s*/).filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]));
    const expectedNonce = cookies[`lti_state_${p.state}`];
    if (!expectedNonce) return reject('no state cookie');
    const header = decodeProtectedHeader(p.id_token);
    if (!header.kid) return reject('no kid');
    const jwks = (await httpIo.getJson(cfg.jwksUri, 5000)).body as { keys: JWK[] };
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(p.id_token, createLocalJWKSet(jwks), {
        algorithms: ['RS256'],
        issuer: cfg.issuer,
        audience: cfg.clientId,
        maxTokenAge: 60,
        clockTolerance: 5,
        requiredClaims: ['exp', 'iat', 'nonce', 'sub'],
      });
      claims = verified.payload as Record<string, unknown>;
    } catch (err) {
      return reject(`jwt: ${(err as Error).message}`);
    }
    if (Array.isArray(claims.aud) && claims.azp !== cfg.clientId) return reject('azp missing or wrong');
    if (claims.azp !== undefined && claims.azp !== cfg.clientId) return reject('azp wrong');
    if (this.usedNonces.has(String(claims.nonce))) return reject('nonce replayed');
    if (claims.nonce !== expectedNonce) return reject('nonce not the one issued');
    this.usedNonces.add(String(claims.nonce));
    if (!cfg.deploymentIds.includes(String(claims[C.deploymentId]))) return reject('unknown deployment_id');
    const type = claims[C.messageType];
    if (type !== LTI_SPEC.messageType.resourceLink && type !== LTI_SPEC.messageType.deepLinkingRequest) return reject('bad message_type');
    if (claims[C.version] !== LTI_SPEC.version) return reject('bad version');
    if (!Array.isArray(claims[C.roles])) return reject('roles missing');
    if (type === LTI_SPEC.messageType.resourceLink && !(claims[C.resourceLink] as { id?: string })?.id) return reject('resource_link.id missing');
    if (!String(claims[C.targetLinkUri] ?? '').startsWith(this.url)) return reject('target_link_uri outside the tool');
    this.accepted.push(claims);
    if (type === LTI_SPEC.messageType.deepLinkingRequest) return this.deepLinkingPage(claims, send);
    send(200, `launched ${String(claims.sub)}`);
  }

  /** Answers a deep linking request at once with one resource link, as an auto-submitting form. */
  private async deepLinkingPage(request: Record<string, unknown>, send: (s: number, b: string, h?: Record<string, string>) => void): Promise<void> {
    const settings = request[C.dlSettings] as { deep_link_return_url: string; data?: string };
    const now = Math.floor(Date.now() / 1000);
    const jwt = await this.sign({
      iss: this.requireConfig().clientId,
      aud: request.iss,
      iat: now,
      exp: now + 60,
      nonce: randomBytes(8).toString('hex'),
      [C.deploymentId]: request[C.deploymentId],
      [C.messageType]: LTI_SPEC.messageType.deepLinkingResponse,
      [C.version]: LTI_SPEC.version,
      [C.dlContentItems]: [{ type: 'ltiResourceLink', title: 'Offline session', url: `${this.url}/launch` }],
      ...(settings.data === undefined ? {} : { [C.dlData]: settings.data }),
    });
    send(200, autoSubmitForm.render(settings.deep_link_return_url, { JWT: jwt }), { 'content-type': 'text/html' });
  }

  /** Dynamic registration as ltijs does it: fetch the configuration, POST the registration. */
  private async register(p: Record<string, string>, send: (s: number, b: string, h?: Record<string, string>) => void): Promise<void> {
    const headers = { authorization: `Bearer ${p.registration_token}` };
    const conf = (await (await fetch(p.openid_configuration, { headers })).json()) as Record<string, string>;
    const registration = {
      application_type: 'web',
      response_types: ['id_token'],
      grant_types: ['implicit', 'client_credentials'],
      initiate_login_uri: `${this.url}/login`,
      redirect_uris: [`${this.url}/launch`],
      client_name: 'Strict tool',
      jwks_uri: `${this.url}/keys`,
      token_endpoint_auth_method: 'private_key_jwt',
      scope: Object.values(LTI_SPEC.scope).join(' '),
      [LTI_SPEC.registration.toolConfiguration]: {
        domain: new URL(this.url).host,
        target_link_uri: `${this.url}/launch`,
        claims: ['iss', 'sub', 'name', 'email'],
        messages: [{ type: LTI_SPEC.messageType.resourceLink }, { type: LTI_SPEC.messageType.deepLinkingRequest, placements: ['link_selection'] }],
        [LTI_SPEC.registration.canvasPrivacyLevel]: 'public',
      },
    };
    const res = await fetch(conf.registration_endpoint, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(registration) });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) return send(502, `registration failed: ${JSON.stringify(body)}`);
    const toolConf = body[LTI_SPEC.registration.toolConfiguration] as { deployment_id: string };
    this.config = {
      issuer: conf.issuer,
      clientId: String(body.client_id),
      deploymentIds: [toolConf.deployment_id],
      authorizationEndpoint: conf.authorization_endpoint,
      tokenEndpoint: conf.token_endpoint,
      authorizationServer: conf.authorization_server ?? conf.token_endpoint,
      jwksUri: conf.jwks_uri,
      openidConfigurationUrl: p.openid_configuration,
    };
    send(200, '<script>(window.opener || window.parent).postMessage({subject:"org.imsglobal.lti.close"}, "*");</script>', { 'content-type': 'text/html' });
  }
}
