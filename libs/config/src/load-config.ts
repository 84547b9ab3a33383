import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from './app-config';
import { ConfigError } from './config-error';
import { envSchema } from './env-schema';

type Env = Record<string, string | undefined>;

/**
 * Secrets that were not configured are generated once and kept in DATA_DIR (never in the database), so an
 * embedded install keeps stable pseudonyms and a stable admin token across restarts.
 */
function persistedSecret(dataDir: string, name: string, bytes: number): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Validates an environment into the typed config; throws ConfigError naming each bad variable. */
export function loadConfig(env: Env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0]), reason: i.message })),
    );
  }
  const e = parsed.data;
  const problems: { variable: string; reason: string }[] = [];
  if (e.NODE_ENV === 'production') {
    if (!e.ADMIN_API_TOKEN) problems.push({ variable: 'ADMIN_API_TOKEN', reason: 'is required in production' });
    if (!e.IDENTITY_SECRET) problems.push({ variable: 'IDENTITY_SECRET', reason: 'is required in production' });
    if (!e.PUBLIC_URL) problems.push({ variable: 'PUBLIC_URL', reason: 'is required in production' });
    // A chat endpoint without Bot Framework authentication would let anyone book in a learner's name.
    if (!e.MicrosoftAppId) problems.push({ variable: 'MicrosoftAppId', reason: 'is required in production (bot credentials)' });
    if (e.BOT_ALLOW_UNAUTHENTICATED) {
      problems.push({ variable: 'BOT_ALLOW_UNAUTHENTICATED', reason: 'cannot be true in production' });
    }
  }
  problems.push(...botCredentialProblems(e));
  if (e.MODEL_ALPHA === 0 && e.MODEL_BETA === 0) problems.push({ variable: 'MODEL_BETA', reason: 'MODEL_ALPHA and MODEL_BETA cannot both be 0' });
  if (problems.length) throw new ConfigError(problems);

  const dataDir = resolve(e.DATA_DIR);
  const adminApiToken = e.ADMIN_API_TOKEN || persistedSecret(dataDir, 'admin-api-token', 24);
  const identitySecret = e.IDENTITY_SECRET || persistedSecret(dataDir, 'identity-secret', 32);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL
      ? { driver: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { driver: 'sqlite', file: join(dataDir, 'o2o-bridge.sqlite') },
    runMigrations: e.DATABASE_MIGRATIONS_RUN,
    synchronizeSchema: false,
    redisUrl: e.REDIS_URL,
    adminApiToken,
    adminApiTokenGenerated: !e.ADMIN_API_TOKEN,
    identitySecret,
    demoSeed: e.DEMO_SEED,
    bookingCutoffMinutes: e.BOOKING_CUTOFF_MINUTES,
    jobs: {
      runInHost: e.JOBS_RUN_IN_HOST,
      concurrency: e.JOBS_CONCURRENCY,
      pollIntervalMs: e.JOBS_POLL_INTERVAL_MS,
      leaseSeconds: e.JOBS_LEASE_SECONDS,
      defaultAttempts: e.JOBS_DEFAULT_ATTEMPTS,
      backoffBaseMs: e.JOBS_BACKOFF_BASE_MS,
    },
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    lti: {
      // Derived from IDENTITY_SECRET when unset, so every host of a deployment shares it without another secret.
      encryptionKey: e.LTI_ENCRYPTION_KEY || createHmac('sha256', identitySecret).update('o2o-bridge:lti-encryption-key').digest('base64url'),
      autoActivate: e.LTI_AUTO_ACTIVATE,
      sessionTtlMinutes: e.LTI_SESSION_TTL_MINUTES,
      serviceTimeoutMs: e.LTI_SERVICE_TIMEOUT_MS,
      rosterSyncMinutes: e.LTI_ROSTER_SYNC_MINUTES,
      idTokenMaxAgeSeconds: e.LTI_ID_TOKEN_MAX_AGE_SECONDS,
    },
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      appTenantId: e.MicrosoftAppTenantId,
      allowUnauthenticated: e.BOT_ALLOW_UNAUTHENTICATED,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      tokenIssuer: e.BOT_TOKEN_ISSUER,
    },
    model: {
      backend: e.MODEL_BACKEND,
      fusion: e.MODEL_FUSION,
      alpha: e.MODEL_ALPHA,
      beta: e.MODEL_BETA,
      epochs: e.MODEL_EPOCHS,
      evalSplit: e.MODEL_EVAL_SPLIT,
      evalRuns: e.MODEL_EVAL_RUNS,
      minExamples: e.MODEL_MIN_EXAMPLES,
      gate: {
        minMeanF1: e.MODEL_GATE_MIN_F1,
        minMeanAuc: e.MODEL_GATE_MIN_AUC,
        maxStd: e.MODEL_GATE_MAX_STD,
        maxRegression: e.MODEL_GATE_MAX_REGRESSION,
      },
      trainEveryMinutes: e.MODEL_TRAIN_SCHEDULE,
    },
    planner: { timeLimitSeconds: e.PLAN_TIME_LIMIT_SECONDS },
  };
}

/** The combinations botbuilder would otherwise reject at the first message instead of at boot. */
function botCredentialProblems(e: ReturnType<typeof envSchema.parse>): { variable: string; reason: string }[] {
  const problems: { variable: string; reason: string }[] = [];
  if (Boolean(e.BOT_OPENID_METADATA_URL) !== Boolean(e.BOT_TOKEN_ISSUER)) {
    problems.push({ variable: e.BOT_OPENID_METADATA_URL ? 'BOT_TOKEN_ISSUER' : 'BOT_OPENID_METADATA_URL', reason: 'is required when the other one is set' });
  }
  if (!e.MicrosoftAppId) {
    if (e.MicrosoftAppPassword) problems.push({ variable: 'MicrosoftAppId', reason: 'is required when MicrosoftAppPassword is set' });
    return problems;
  }
  if (e.BOT_ALLOW_UNAUTHENTICATED) {
    problems.push({ variable: 'BOT_ALLOW_UNAUTHENTICATED', reason: 'must not be true when MicrosoftAppId is set' });
  }
  if (e.MicrosoftAppType === 'UserAssignedMSI') {
    if (e.MicrosoftAppPassword) problems.push({ variable: 'MicrosoftAppPassword', reason: 'must not be set for UserAssignedMSI' });
  } else if (!e.MicrosoftAppPassword) {
    problems.push({ variable: 'MicrosoftAppPassword', reason: `is required for ${e.MicrosoftAppType}` });
  }
  if (e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
    problems.push({ variable: 'MicrosoftAppTenantId', reason: `is required for ${e.MicrosoftAppType}` });
  }
  return problems;
}

/** The one place in the code base that reads process.env. */
export function loadConfigFromProcessEnv(): AppConfig {
  return loadConfig(process.env);
}
