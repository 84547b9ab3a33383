import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ApiModule } from '@o2o/api';
import { AppConfig, ConfigModule } from '@o2o/config';
import { CORE_ENTITIES, CORE_MIGRATIONS, CoreModule, DemoSeedModule } from '@o2o/core';
import { JOBS_ENTITIES, JOBS_MIGRATIONS, JobsModule } from '@o2o/jobs';
import { PersistenceModule } from '@o2o/persistence';
import { assertPluginsCompatible, O2oPlugin, PluginSdkModule } from '@o2o/plugin-sdk';
import { CAPABILITY_MODULES, CAPABILITY_SCHEMAS } from './capabilities';
import { ENABLED_PLUGINS } from './enabled-plugins';

export interface AppModuleOptions {
  plugins?: O2oPlugin[];
  /** Overrides JOBS_RUN_IN_HOST (apps/worker passes true, a web-only host false). */
  runJobWorkers?: boolean;
  /** Serve HTTP controllers (false for apps/worker). */
  http?: boolean;
}

export const SCHEMA = {
  entities: [...CORE_ENTITIES, ...JOBS_ENTITIES, ...CAPABILITY_SCHEMAS.flatMap((s) => s.entities as never[])],
  migrations: [...CORE_MIGRATIONS, ...JOBS_MIGRATIONS, ...CAPABILITY_SCHEMAS.flatMap((s) => s.migrations as never[])],
};

/** Wires configuration, persistence, the domain, jobs, the API and the enabled plugins; owns nothing else. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    const plugins = options.plugins ?? ENABLED_PLUGINS;
    assertPluginsCompatible(plugins);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        PersistenceModule.forRoot(SCHEMA),
        CoreModule,
        JobsModule.forRoot({ runWorkers: options.runJobWorkers }),
        PluginSdkModule,
        ...(options.http === false ? [] : [ApiModule]),
        DemoSeedModule,
        ...CAPABILITY_MODULES,
        ...plugins.map((p) => p.module),
      ],
    };
  }
}
