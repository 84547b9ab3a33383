import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfigFromProcessEnv } from '@o2o/config';
import { AppModule } from '../../host/src/app.module';

/** Runs the same modules as the host without HTTP, taking jobs only (scale-out with PostgreSQL + Redis). */
async function bootstrap() {
  const config = loadConfigFromProcessEnv();
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, demoSeed: false }, { runJobWorkers: true, http: false }),
  );
  app.enableShutdownHooks();
  process.stdout.write(`o2o-bridge worker ${process.pid} taking jobs (${config.redisUrl ? 'BullMQ' : 'database queue'})\n`);
}

bootstrap().catch((err) => {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `worker failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
