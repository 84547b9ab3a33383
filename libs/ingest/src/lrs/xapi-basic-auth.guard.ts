import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@o2o/core';
import { IngestRequest } from '../credentials/ingest-caller';
import { IngestCredentialService } from '../credentials/ingest-credential.service';

/** HTTP Basic `key:secret` of a live xAPI credential; the credential decides the tenant (X-Tenant is ignored). */
@Injectable()
export class XapiBasicAuthGuard implements CanActivate {
  constructor(private readonly credentials: IngestCredentialService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<IngestRequest>();
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
    const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const credential = colon > 0 ? await this.credentials.verifyBasic(decoded.slice(0, colon), decoded.slice(colon + 1)) : null;
    if (!credential) throw new DomainError('INGEST_AUTH_REQUIRED', 401, { scheme: 'Basic' });
    req.ingestCredential = credential;
    return true;
  }
}
