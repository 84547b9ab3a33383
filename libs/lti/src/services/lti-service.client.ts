import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { PluginRegistry } from '@o2o/plugin-sdk';
import type { LtiRegistration } from '../entities/lti-registration.entity';
import { LmsCallError } from './lms-call.error';
import { ServiceTokenClient } from './service-token.client';

export interface LmsResponse<T> {
  status: number;
  body: T;
  /** The URL of the next page (RFC 8288 Link rel="next"), followed verbatim. */
  next?: string;
}

/** Appends a path segment to a service URL, keeping its query (Moodle's AGS URLs carry `?type_id=`). */
export function withPath(url: string, suffix: string): string {
  const u = new URL(url);
  u.pathname = `${u.pathname.replace(/\/$/, '')}${suffix}`;
  return u.toString();
}

function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * Calls to an LMS's LTI services (NRPS, AGS) with a bearer token for the needed scopes, a timeout, our User-Agent and
 * the headers the LMS plugin asks for. A refused token is forgotten so the retry asks for a new one.
 */
@Injectable()
export class LtiServiceClient {
  private readonly userAgent: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: ServiceTokenClient,
    private readonly plugins: PluginRegistry,
  ) {
    this.userAgent = `o2o-bridge/0.1 (+${config.publicUrl})`;
  }

  async call<T>(registration: LtiRegistration, scopes: string[], request: {
    method: 'GET' | 'POST' | 'PUT'; url: string; accept?: string; contentType?: string; body?: unknown; what: string;
  }): Promise<LmsResponse<T>> {
    const plugin = this.plugins.lmsFor({ issuer: registration.issuer, productFamilyCode: registration.productFamilyCode ?? undefined });
    const headers = { 'user-agent': this.userAgent, ...(plugin?.serviceHeaders() ?? {}) };
    const token = await this.tokens.token(registration, scopes, headers);
    let res: Response;
    try {
      res = await fetch(request.url, {
        method: request.method,
        signal: AbortSignal.timeout(this.config.lti.serviceTimeoutMs),
        headers: {
          ...headers, authorization: `Bearer ${token}`,
          ...(request.accept ? { accept: request.accept } : {}),
          ...(request.contentType ? { 'content-type': request.contentType } : {}),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
    } catch (err) {
      const timeout = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      throw new LmsCallError(`${request.what}: ${timeout ? `no answer within ${this.config.lti.serviceTimeoutMs} ms` : (err as Error).message}`, null, true);
    }
    const text = await res.text();
    if (res.status === 401) this.tokens.forget(registration);
    if (!res.ok) throw LmsCallError.fromStatus(request.what, res.status, text);
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, body: body as T, next: nextLink(res.headers.get('link')) };
  }
}
