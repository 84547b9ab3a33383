import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfigFromProcessEnv } from '@o2o/config';
import { AppModule } from './app.module';
import { configureHttpApp } from './configure-http-app';

async function bootstrap() {
  const config = loadConfigFromProcessEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureHttpApp(app);
  await app.listen(config.port, config.host);
  const db = config.database.driver === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  const jobs = config.redisUrl ? 'BullMQ (Redis)' : 'database queue';
  process.stdout.write(
    `\no2o-bridge listening on ${config.publicUrl} (${db}, jobs: ${jobs})\n` +
      `  API docs:  ${config.publicUrl}/api/docs\n` +
      `  Health:    ${config.publicUrl}/health\n` +
      `  Admin token${config.adminApiTokenGenerated ? ' (generated, kept in DATA_DIR/admin-api-token)' : ''}: ${config.adminApiToken}\n` +
      `  Try: curl -H "Authorization: Bearer ${config.adminApiToken}" ${config.publicUrl}/api/v1/sessions\n\n`,
  );
}

bootstrap().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`o2o-bridge failed to start: ${err?.stack ?? err}\n`);
  }
  process.exit(1);
});
