import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be an integer between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });

/** A decimal number within [min, max] (model weights, gate thresholds). */
const num = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a number between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });

/** `off`, or an interval such as `30m`, `6h`, `1d`; parsed to minutes (0 = off). */
const schedule = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '' || v === 'off') return 0;
    const m = /^(\d+)\s*(m|h|d)$/.exec(v.trim());
    const minutes = m ? Number(m[1]) * { m: 1, h: 60, d: 1440 }[m[2] as 'm' | 'h' | 'd'] : NaN;
    if (!(minutes >= 5 && minutes <= 60 * 24 * 90)) {
      ctx.addIssue({ code: 'custom', message: 'must be off or an interval between 5m and 90d, e.g. 6h or 1d' });
      return z.NEVER;
    }
    return minutes;
  });

const url = (protocols: string[]) =>
  z
    .string()
    .optional()
    .refine(
      (v) => {
        if (v === undefined || v === '') return true;
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}` },
    )
    .transform((v) => (v === '' ? undefined : v));

/** Every variable o2o-bridge reads. The README's configuration table mirrors this list. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional().default('development'),
  PORT: int(3000, 0, 65535),
  HOST: z.string().optional().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).optional().default('./data'),
  PUBLIC_URL: url(['http:', 'https:']),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATABASE_MIGRATIONS_RUN: bool(true),
  DATABASE_POOL_SIZE: int(20, 1, 500),
  REDIS_URL: url(['redis:', 'rediss:']),
  ADMIN_API_TOKEN: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || v.length >= 16, {
      message: 'must be at least 16 characters',
    }),
  IDENTITY_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || v.length >= 32, {
      message: 'must be at least 32 characters',
    }),
  DEMO_SEED: bool(true),
  BOOKING_CUTOFF_MINUTES: int(60, 0, 60 * 24 * 30),
  JOBS_RUN_IN_HOST: bool(true),
  JOBS_CONCURRENCY: int(4, 1, 64),
  JOBS_POLL_INTERVAL_MS: int(500, 10, 60000),
  JOBS_LEASE_SECONDS: int(60, 1, 3600),
  JOBS_DEFAULT_ATTEMPTS: int(5, 1, 100),
  JOBS_BACKOFF_BASE_MS: int(1000, 1, 3600000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional()
    .default('info'),
  DEFAULT_LOCALE: z.enum(['en', 'zh-CN']).optional().default('en'),
  // Bot Framework credentials, spelled as botbuilder spells them so Azure's generated settings can be pasted in.
  MicrosoftAppId: z.string().optional().transform((v) => v?.trim() || undefined),
  MicrosoftAppPassword: z.string().optional().transform((v) => v || undefined),
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .optional()
    .default('MultiTenant'),
  MicrosoftAppTenantId: z.string().optional().transform((v) => v?.trim() || undefined),
  BOT_ALLOW_UNAUTHENTICATED: bool(false),
  BOT_OPENID_METADATA_URL: url(['http:', 'https:']),
  BOT_TOKEN_ISSUER: z.string().optional().transform((v) => v?.trim() || undefined),
  LTI_ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || v.length >= 32, {
      message: 'must be at least 32 characters',
    }),
  LTI_AUTO_ACTIVATE: bool(false),
  LTI_SESSION_TTL_MINUTES: int(120, 5, 60 * 24),
  LTI_SERVICE_TIMEOUT_MS: int(10000, 100, 120000),
  LTI_ROSTER_SYNC_MINUTES: int(1440, 0, 60 * 24 * 30),
  LTI_ID_TOKEN_MAX_AGE_SECONDS: int(300, 10, 3600),
  // Satisfaction model and service planner (libs/model, libs/planner)
  MODEL_BACKEND: z.enum(['auto', 'tensorflow', 'wasm', 'cpu']).optional().default('auto'),
  MODEL_FUSION: z.enum(['fused', 'dual-stream', 'hybrid']).optional().default('fused'),
  MODEL_ALPHA: num(1, 0, 100),
  MODEL_BETA: num(0.5, 0, 100),
  MODEL_EPOCHS: int(30, 1, 500),
  MODEL_EVAL_SPLIT: z.enum(['temporal', 'random']).optional().default('temporal'),
  MODEL_EVAL_RUNS: int(2, 1, 10),
  MODEL_MIN_EXAMPLES: int(200, 10, 100_000_000),
  MODEL_GATE_MIN_F1: num(0.5, 0, 1),
  MODEL_GATE_MIN_AUC: num(0.7, 0, 1),
  MODEL_GATE_MAX_STD: num(0.05, 0, 1),
  MODEL_GATE_MAX_REGRESSION: num(0.01, 0, 1),
  MODEL_TRAIN_SCHEDULE: schedule,
  PLAN_TIME_LIMIT_SECONDS: int(30, 1, 600),
});

export type RawEnv = z.input<typeof envSchema>;
