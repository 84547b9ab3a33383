import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@o2o/core';
import { IngestRequest } from '../credentials/ingest-caller';
import { IngestCredentialService } from '../credentials/ingest-credential.service';

/** Caliper sensors authenticate with a bearer token (Caliper 1.2 §5.3); the token decides the tenant. */
@Injectable()
export class CaliperBearerGuard implements CanActivate {
  constructor(private readonly credentials: IngestCredentialService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<IngestRequest>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const credential = match ? await this.credentials.verifyBearer(match[1]) : null;
    if (!credential) throw new DomainError('INGEST_AUTH_REQUIRED', 401, { scheme: 'Bearer' });
    req.ingestCredential = credential;
    return true;
  }
}
