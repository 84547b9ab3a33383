import type { KeyObject } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * The parts of ltijs 5.9.9 o2o-bridge uses, typed by hand from its source (`@types/ltijs` describes v4).
 * Only libs/lti/src/ltijs imports ltijs itself; everything else sees these types.
 */
export type LtijsCollection =
  | 'idtoken' | 'contexttoken' | 'platform' | 'platformStatus' | 'publickey' | 'privatekey' | 'accesstoken' | 'nonce' | 'state';

export type LtijsDocument = Record<string, unknown>;

/** ltijs' database plugin contract (what `setup(key, { plugin })` calls). Encrypted collections pass the key. */
export interface LtijsDatabasePlugin {
  setup(): Promise<boolean>;
  Close(): Promise<boolean>;
  Get(encryptionKey: string | KeyObject | false, collection: LtijsCollection, query?: LtijsDocument): Promise<LtijsDocument[] | false>;
  Insert(encryptionKey: string | KeyObject | false, collection: LtijsCollection, item: LtijsDocument, index?: LtijsDocument): Promise<boolean>;
  Replace(
    encryptionKey: string | KeyObject | false, collection: LtijsCollection, query: LtijsDocument, item: LtijsDocument, index?: LtijsDocument,
  ): Promise<boolean>;
  Modify(encryptionKey: string | KeyObject | false, collection: LtijsCollection, query: LtijsDocument, modification: LtijsDocument): Promise<boolean>;
  Delete(collection: LtijsCollection, query: LtijsDocument): Promise<boolean>;
  Encrypt(data: string, secret: string): Promise<{ iv: string; data: string }>;
  Decrypt(data: string, iv: string, secret: string): Promise<string>;
}

export interface LtijsAuthConfig {
  method: 'RSA_KEY' | 'JWK_KEY' | 'JWK_SET';
  /** ltijs hands RSA_KEY keys straight to jsonwebtoken, which also takes a KeyObject. */
  key: string | KeyObject;
}

/** A document of ltijs' `platform` collection. */
export interface LtijsPlatformDocument {
  platformName: string;
  platformUrl: string;
  clientId: string;
  authEndpoint: string;
  accesstokenEndpoint: string;
  authorizationServer?: string;
  kid: string;
  authConfig: LtijsAuthConfig;
}

export interface LtijsContextToken {
  contextId: string;
  user: string;
  path: string;
  roles?: string[];
  targetLinkUri?: string;
  context?: { id: string; label?: string; title?: string; type?: string[] };
  resource?: { id: string; title?: string; description?: string };
  custom?: Record<string, string>;
  launchPresentation?: { locale?: string; document_target?: string; return_url?: string };
  messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  version: string;
  deepLinkingSettings?: Record<string, unknown> & { deep_link_return_url: string; data?: string; accept_types?: string[] };
  lis?: Record<string, string>;
  endpoint?: { scope?: string[]; lineitems?: string; lineitem?: string };
  namesRoles?: { context_memberships_url?: string; service_versions?: string[] };
}

/** `res.locals.token` after a validated launch (ltiaas mode). */
export interface LtijsIdToken {
  iss: string;
  user: string;
  userInfo: { given_name?: string; family_name?: string; name?: string; email?: string };
  platformInfo?: { guid?: string; name?: string; version?: string; product_family_code?: string; url?: string };
  clientId: string;
  platformId: string;
  deploymentId: string;
  platformContext: LtijsContextToken;
}

/** `res.locals.err` handed to the invalid-token callback. */
export interface LtijsError {
  status: number;
  error: string;
  details: { message?: string; description?: string };
}

export interface LtijsSetupOptions {
  appRoute: string;
  loginRoute: string;
  keysetRoute: string;
  dynRegRoute: string;
  /** ltijs' CORS reflects any origin with credentials: off, o2o-bridge answers CORS itself. */
  cors: boolean;
  /** Launch tokens (ltik) instead of a session cookie after the launch, and no redirect after the form_post. */
  ltiaas: boolean;
  devMode: boolean;
  tokenMaxAge: number;
  cookies: { secure: boolean; sameSite: 'None' | 'Lax' | 'Strict'; domain?: string };
  dynReg?: { url: string; name: string; autoActivate?: boolean };
}

type Middleware = (req: Request, res: Response, next: NextFunction) => unknown;
type LaunchCallback = (token: LtijsIdToken, req: Request, res: Response, next: NextFunction) => unknown;

export interface LtijsPlatform {
  platformUrl(): Promise<string>;
  platformClientId(): Promise<string>;
  platformKid(): Promise<string>;
  platformActive(active?: boolean): Promise<boolean>;
  platformPrivateKey(): Promise<string>;
}

/** A ltijs Provider (one per Nest application: see ltijs-provider.factory.ts). */
export interface LtijsProvider {
  /** ltijs' own Express 4 application, mounted under /lti. */
  app: Middleware & { handle: Middleware };
  /** The secret signs cookies (cookie-signature: a string only) and launch tokens (HS256), and goes to the database plugin. */
  setup(encryptionKey: string, database: { plugin: LtijsDatabasePlugin }, options: LtijsSetupOptions): LtijsProvider;
  onConnect(callback: LaunchCallback): true;
  onDeepLinking(callback: LaunchCallback): true;
  onDynamicRegistration(callback: Middleware): true;
  onInvalidToken(callback: (req: Request, res: Response) => unknown): true;
  onSessionTimeout(callback: (req: Request, res: Response) => unknown): true;
  onUnregisteredPlatform(callback: (req: Request, res: Response) => unknown): true;
  onInactivePlatform(callback: (req: Request, res: Response) => unknown): true;
  getPlatform(url: string, clientId?: string): Promise<LtijsPlatform | LtijsPlatform[] | false>;
}
