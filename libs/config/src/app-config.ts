/** The validated, typed configuration every module receives. Built once at boot by `loadConfig`. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string;
  database:
    | { driver: 'sqlite'; file: string; url?: undefined }
    | { driver: 'postgres'; url: string; poolSize: number; file?: undefined };
  runMigrations: boolean;
  /** Tests may build the schema from entities; never used outside tests. */
  synchronizeSchema: boolean;
  redisUrl?: string;
  adminApiToken: string;
  /** True when the token was generated because none was configured (printed at start). */
  adminApiTokenGenerated: boolean;
  /** Master secret from which per-tenant pseudonymisation keys are derived; never stored in the database. */
  identitySecret: string;
  demoSeed: boolean;
  bookingCutoffMinutes: number;
  jobs: {
    runInHost: boolean;
    concurrency: number;
    pollIntervalMs: number;
    leaseSeconds: number;
    defaultAttempts: number;
    backoffBaseMs: number;
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  defaultLocale: 'en' | 'zh-CN';
  /** The LTI 1.3 tool (libs/lti). */
  lti: {
    /** Signs ltijs cookies and launch tokens and encrypts the tool's private keys at rest; never in the database. */
    encryptionKey: string;
    /** New platform registrations may launch at once instead of waiting for an admin to activate them. */
    autoActivate: boolean;
    sessionTtlMinutes: number;
    /** Timeout of every call to an LMS (token, NRPS, AGS, registration). */
    serviceTimeoutMs: number;
    /** Interval of the scheduled roster import per course; 0 = on demand only. */
    rosterSyncMinutes: number;
    /** Oldest id_token `iat` accepted at launch. */
    idTokenMaxAgeSeconds: number;
  };
  /** Bot Framework channel (`POST /api/messages`). */
  bot: {
    /** Unset = no authentication in either direction, which only runs when `allowUnauthenticated` is on. */
    appId?: string;
    appPassword?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    appTenantId?: string;
    /** Explicit opt-in for the Bot Framework Emulator and local tests; never allowed in production. */
    allowUnauthenticated: boolean;
    /** Overrides of the public-cloud token validation (sovereign clouds, offline tests). */
    openIdMetadataUrl?: string;
    tokenIssuer?: string;
  };
  /** The satisfaction model (libs/model): training, evaluate-then-enable gate, schedule. */
  model: {
    backend: 'auto' | 'tensorflow' | 'wasm' | 'cpu';
    fusion: 'fused' | 'dual-stream' | 'hybrid';
    /** Weights of the offline (α) and online (β) loss terms. */
    alpha: number;
    beta: number;
    epochs: number;
    evalSplit: 'temporal' | 'random';
    /** Repeated train/test runs per evaluation (mean and spread); temporal runs use successive cut points. */
    evalRuns: number;
    /** Labelled offline outcomes needed before a model is trained. */
    minExamples: number;
    gate: { minMeanF1: number; minMeanAuc: number; maxStd: number; maxRegression: number };
    /** Retrain every this many minutes; 0 = on demand only. */
    trainEveryMinutes: number;
  };
  /** The service-plan optimiser (libs/planner). */
  planner: { timeLimitSeconds: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
