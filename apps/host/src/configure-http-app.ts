import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { apiValidationPipe } from '@o2o/api';
import { LtiRouter } from '@o2o/lti';
import { MessagesEndpoint } from '@o2o/plugin-channel-botframework';

/** Everything the HTTP host sets up beyond the module graph; shared by main.ts and the e2e app factory. */
export function configureHttpApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.get(LtiRouter).mount(app); // /lti ahead of the body parsers and request logging (it reads its own form posts)
  app.get(MessagesEndpoint).mount(app); // POST /api/messages too: every chat turn (it reads its own JSON body)
  app.useGlobalPipes(apiValidationPipe());
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '5mb' });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('o2o-bridge API')
      .setDescription('Offline sessions, bookings and learners. Every /api/v1 route needs `Authorization: Bearer <ADMIN_API_TOKEN>`.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
