import { randomUUID } from 'node:crypto';
import { AccessTokenStore } from './access-token.store';
import { AgsFakeHandler } from './ags.fake-handler';
import { AgsStore } from './ags.store';
import { CallRecorder, type CallFilter } from './call.recorder';
import { DeepLinkingFakeHandler } from './deep-linking.fake-handler';
import { DynamicRegistrationFakeHandler } from './dynamic-registration.fake-handler';
import { FailureInjector } from './failure.injector';
import { IdTokenBuilder } from './id-token.builder';
import { LaunchPreparer, type LaunchRequestSpec, type PreparedLaunch } from './launch.preparer';
import { LtiBrowser } from './lti-browser.client';
import { launch as runLaunch, type LaunchOptions, type LaunchResult } from './lti-launch.driver';
import { initiateLogin, type LoginOutcome } from './login-initiation.driver';
import { NrpsFakeHandler } from './nrps.fake-handler';
import { OidcAuthFakeHandler } from './oidc-auth.fake-handler';
import { PlatformClock } from './platform.clock';
import { PlatformHttpServer } from './platform-http.server';
import { PlatformKeyStore } from './platform-key.store';
import { PlatformRegistry } from './platform.registry';
import { PlatformUrls } from './platform.urls';
import { registrationInitiation, type RegistrationInitiationOptions, type RegistrationInitiationResult } from './registration-initiation.driver';
import { PlatformStorageFakeHandler } from './platform-storage.fake-handler';
import { TokenFakeHandler } from './token.fake-handler';
import { ToolKeyResolver } from './tool-key.resolver';
import type { PlatformConfigForTool, PlatformFlavour, PlatformInfo, RecordedCall, RegisteredTool, RegisterToolInput } from './fake-lti-platform.types';

export interface FakeLtiPlatformOptions {
  flavour?: PlatformFlavour;
  /** Default: the server's base URL (Moodle style); Canvas flavour defaults to https://canvas.instructure.com. */
  issuer?: string;
  idTokenTtlSeconds?: number;
  accessTokenTtlSeconds?: number;
  /** Page size of NRPS and AGS containers when the tool sends no `limit`. */
  pageSize?: number;
  /** Time source in ms (default Date.now); `platform.clock.advance()` moves it further. */
  now?: () => number;
  /** Whether GET openid-configuration needs the registration token (default: true for Canvas only). */
  configurationNeedsToken?: boolean;
}

const PRODUCT: Record<PlatformFlavour, { name: string; version: string; code: string }> = {
  moodle: { name: 'Fake Moodle', version: '4.5.1 (Build: 20250101)', code: 'moodle' },
  canvas: { name: 'Fake Canvas', version: 'cloud', code: 'canvas' },
  generic: { name: 'Fake LTI Platform', version: '1.0.0', code: 'o2o-fake-platform' },
};

/**
 * A faithful fake LTI 1.3 platform (LMS) for tests: JWKS, OIDC login/auth, OAuth2 token endpoint,
 * NRPS, AGS, Deep Linking return and Dynamic Registration, on 127.0.0.1 with an ephemeral port.
 * See README.md in this folder for a walk-through.
 */
export class FakeLtiPlatform {
  readonly clock: PlatformClock;
  readonly registry = new PlatformRegistry();
  readonly ags = new AgsStore();
  readonly info: PlatformInfo;
  readonly urls: PlatformUrls;
  readonly tokens: AccessTokenStore;
  readonly toolKeys: ToolKeyResolver;
  private readonly preparer: LaunchPreparer;
  private readonly auth: OidcAuthFakeHandler;
  private readonly tokenHandler: TokenFakeHandler;
  private readonly deepLinking: DeepLinkingFakeHandler;
  private readonly dynReg: DynamicRegistrationFakeHandler;

  private constructor(
    private readonly server: PlatformHttpServer,
    readonly keys: PlatformKeyStore,
    readonly recorder: CallRecorder,
    readonly failures: FailureInjector,
    baseUrl: string,
    options: FakeLtiPlatformOptions,
    clock: PlatformClock,
  ) {
    const flavour = options.flavour ?? 'generic';
    const product = PRODUCT[flavour];
    this.clock = clock;
    this.info = {
      flavour,
      issuer: options.issuer ?? (flavour === 'canvas' ? 'https://canvas.instructure.com' : baseUrl),
      baseUrl,
      name: product.name,
      version: product.version,
      guid: randomUUID(),
      productFamilyCode: product.code,
    };
    this.urls = new PlatformUrls(baseUrl, flavour);
    this.tokens = new AccessTokenStore(clock, options.accessTokenTtlSeconds ?? 3600);
    this.toolKeys = new ToolKeyResolver(clock);
    const pageSize = options.pageSize ?? 10;
    this.preparer = new LaunchPreparer(this.info, this.registry, this.urls, this.ags);
    const builder = new IdTokenBuilder(this.info, this.urls);
    this.auth = new OidcAuthFakeHandler({
      platform: this.info,
      registry: this.registry,
      preparer: this.preparer,
      builder,
      keys,
      clock,
      idTokenTtlSeconds: options.idTokenTtlSeconds ?? 300,
    });
    this.tokenHandler = new TokenFakeHandler({
      registry: this.registry,
      tokens: this.tokens,
      keys: this.toolKeys,
      clock,
      audiences: () => [this.urls.token, this.authorizationServer],
    });
    this.deepLinking = new DeepLinkingFakeHandler(this.info, this.registry, this.preparer, this.toolKeys, () => clock.date());
    this.dynReg = new DynamicRegistrationFakeHandler({
      platform: this.info,
      urls: this.urls,
      registry: this.registry,
      keys,
      clock,
      authorizationServer: this.authorizationServer,
      configurationNeedsToken: options.configurationNeedsToken ?? flavour === 'canvas',
    });
    const storage = new PlatformStorageFakeHandler(this.registry);
    const nrps = new NrpsFakeHandler(this.registry, this.tokens, pageSize);
    const agsHandler = new AgsFakeHandler({ registry: this.registry, tokens: this.tokens, store: this.ags, urls: this.urls, clock, flavour, pageSize });
    const item = '/ags/contexts/(?<contextId>[^/]+)/lineitems/(?<lineItemId>[^/]+)';
    server.setRoutes([
      { endpoint: 'jwks', pattern: /^\/jwks$/, handle: () => ({ status: 200, body: this.keys.jwks() }) },
      { endpoint: 'auth', pattern: /^\/auth$/, handle: (r) => this.auth.handle(r) },
      { endpoint: 'platform-storage', pattern: /^\/platform-storage$/, handle: (r) => storage.handle(r) },
      { endpoint: 'token', pattern: /^\/token$/, handle: (r) => this.tokenHandler.handle(r) },
      { endpoint: 'openid-configuration', pattern: /^\/\.well-known\/openid-configuration$/, handle: (r) => this.dynReg.openidConfiguration(r) },
      { endpoint: 'registration', pattern: /^\/registration$/, handle: (r) => this.dynReg.register(r) },
      { endpoint: 'deep-linking', pattern: /^\/deep-linking\/return$/, handle: (r) => this.deepLinking.handle(r) },
      { endpoint: 'nrps', pattern: /^\/nrps\/contexts\/(?<contextId>[^/]+)\/memberships$/, handle: (r) => nrps.handle(r) },
      { endpoint: 'ags.lineitems', pattern: /^\/ags\/contexts\/(?<contextId>[^/]+)\/lineitems$/, handle: (r) => agsHandler.lineItems(r) },
      { endpoint: 'ags.scores', pattern: new RegExp(`^${item}/scores$`), handle: (r) => agsHandler.scores(r) },
      { endpoint: 'ags.results', pattern: new RegExp(`^${item}/results$`), handle: (r) => agsHandler.results(r) },
      { endpoint: 'ags.lineitem', pattern: new RegExp(`^${item}$`), handle: (r) => agsHandler.lineItem(r) },
    ]);
  }

  /** Starts a platform on 127.0.0.1 with an ephemeral port. Always `stop()` it (afterAll). */
  static async start(options: FakeLtiPlatformOptions = {}): Promise<FakeLtiPlatform> {
    const clock = new PlatformClock(options.now);
    const recorder = new CallRecorder();
    const failures = new FailureInjector();
    const server = new PlatformHttpServer(recorder, failures, () => clock.date());
    const baseUrl = await server.listen();
    return new FakeLtiPlatform(server, await PlatformKeyStore.create(), recorder, failures, baseUrl, options, clock);
  }

  async stop(): Promise<void> {
    await this.server.close();
  }

  get baseUrl(): string {
    return this.info.baseUrl;
  }

  get issuer(): string {
    return this.info.issuer;
  }

  get flavour(): PlatformFlavour {
    return this.info.flavour;
  }

  /** The `aud` value besides the token URL that client assertions may use (Canvas advertises it). */
  get authorizationServer(): string {
    return new URL(this.info.baseUrl).host;
  }

  get authEndpoint(): string {
    return this.urls.auth;
  }

  get openidConfigurationUrl(): string {
    return this.urls.openidConfiguration;
  }

  registerTool(input: RegisterToolInput): RegisteredTool {
    return this.registry.registerTool(input);
  }

  /** What to configure in the tool for this platform (issuer, client_id, endpoints). */
  toolConfig(clientId?: string): PlatformConfigForTool {
    const tool = this.registry.requireTool(clientId);
    return {
      issuer: this.info.issuer,
      clientId: tool.clientId,
      deploymentIds: [...tool.deploymentIds],
      authorizationEndpoint: this.urls.auth,
      tokenEndpoint: this.urls.token,
      authorizationServer: this.authorizationServer,
      jwksUri: this.urls.jwks,
      openidConfigurationUrl: this.urls.openidConfiguration,
    };
  }

  /** Registers a launch and returns the login initiation parameters for it. */
  prepareLaunch(spec: LaunchRequestSpec = {}): PreparedLaunch {
    return this.preparer.prepare(spec);
  }

  /** Login initiation -> /auth -> form_post data, using `browser` as the cookie jar. */
  initiateLogin(browser: LtiBrowser, launch: PreparedLaunch | LaunchRequestSpec = {}, method?: 'GET' | 'POST'): Promise<LoginOutcome> {
    const prepared = 'loginParams' in launch ? launch : this.prepareLaunch(launch);
    return initiateLogin(this, browser, prepared, method ?? (this.flavour === 'generic' ? 'GET' : 'POST'));
  }

  /** The whole launch through to the tool's final response. */
  launch(options: LaunchOptions = {}): Promise<LaunchResult> {
    return runLaunch(this, options);
  }

  registrationInitiation(toolRegisterUrl: string, options?: RegistrationInitiationOptions): Promise<RegistrationInitiationResult> {
    return registrationInitiation(this, toolRegisterUrl, options);
  }

  issueRegistrationToken(ttlSeconds?: number): Promise<string> {
    return this.dynReg.issueRegistrationToken(ttlSeconds);
  }

  calls(filter?: CallFilter): RecordedCall[] {
    return this.recorder.calls(filter);
  }

  get authResponses() {
    return this.auth.responses;
  }

  get tokenRequests() {
    return this.tokenHandler.requests;
  }

  get deepLinkingReturns() {
    return this.deepLinking.returns;
  }

  get registrations() {
    return this.dynReg.registrations;
  }
}
