import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { IngestCredential } from './ingest-credential.entity';

export type IngestRequest = Request & { ingestCredential?: IngestCredential };

/** The credential a door's guard verified; its tenantId is the only tenant the request can read or write. */
export const IngestCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): IngestCredential => {
  return ctx.switchToHttp().getRequest<IngestRequest>().ingestCredential!;
});
