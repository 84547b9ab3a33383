import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'o2o-config-'));

describe('loadConfig', () => {
  it('gives the embedded defaults with no configuration', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ driver: 'sqlite', file: join(dir, 'o2o-bridge.sqlite') });
    expect(config.redisUrl).toBeUndefined();
    expect(config.adminApiTokenGenerated).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('keeps generated secrets stable across restarts', () => {
    const dir = dataDir();
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(b.adminApiToken).toBe(a.adminApiToken);
    expect(b.identitySecret).toBe(a.identitySecret);
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(config.database).toEqual({ driver: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test', poolSize: 20 });
    const small = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_POOL_SIZE: '4' });
    expect(small.database.driver === 'postgres' && small.database.poolSize).toBe(4);
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it.each([
    ['PORT', 'abc', 'must be an integer'],
    ['PORT', '70000', 'must be an integer'],
    ['DATABASE_URL', 'mysql://x', 'must be a URL'],
    ['REDIS_URL', 'not a url', 'must be a URL'],
    ['ADMIN_API_TOKEN', 'short', 'at least 16'],
    ['DEMO_SEED', 'maybe', 'true or false'],
    ['NODE_ENV', 'staging', ''],
  ])('rejects %s=%s naming the variable', (variable, value, reason) => {
    try {
      loadConfig({ DATA_DIR: dataDir(), [variable]: value });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems[0].variable).toBe(variable);
      expect((err as Error).message).toContain(variable);
      expect((err as Error).message).toContain(reason);
    }
  });

  it('requires secrets in production', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production' })).toThrow(
      /ADMIN_API_TOKEN: is required in production.*IDENTITY_SECRET/,
    );
  });

  describe('bot credentials', () => {
    const prod = { NODE_ENV: 'production', ADMIN_API_TOKEN: 'x'.repeat(16), IDENTITY_SECRET: 'y'.repeat(32), PUBLIC_URL: 'https://o2o.example' };

    it('is off and unauthenticated runs refused by default', () => {
      expect(loadConfig({ DATA_DIR: dataDir() }).bot).toEqual({ appType: 'MultiTenant', allowUnauthenticated: false });
    });

    it('refuses to start in production without credentials or with the emulator switch', () => {
      expect(() => loadConfig({ DATA_DIR: dataDir(), ...prod })).toThrow(/MicrosoftAppId: is required in production/);
      expect(() => loadConfig({ DATA_DIR: dataDir(), ...prod, MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', BOT_ALLOW_UNAUTHENTICATED: 'true' }))
        .toThrow(/BOT_ALLOW_UNAUTHENTICATED: cannot be true in production/);
      expect(loadConfig({ DATA_DIR: dataDir(), ...prod, MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' }).bot.appId).toBe('app');
    });

    it.each([
      [{ MicrosoftAppId: 'app' }, 'MicrosoftAppPassword: is required for MultiTenant'],
      [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId: is required for SingleTenant'],
      [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }, 'MicrosoftAppPassword: must not be set'],
      [{ MicrosoftAppPassword: 'pw' }, 'MicrosoftAppId: is required when MicrosoftAppPassword is set'],
      [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', BOT_ALLOW_UNAUTHENTICATED: 'true' }, 'BOT_ALLOW_UNAUTHENTICATED: must not be true'],
      [{ MicrosoftAppType: 'Other' }, 'MicrosoftAppType'],
      [{ BOT_OPENID_METADATA_URL: 'http://127.0.0.1:1/.well-known/openid-configuration' }, 'BOT_TOKEN_ISSUER: is required'],
    ])('rejects the inconsistent combination %j', (env, message) => {
      expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(message);
    });
  });
});
