import { createLocalJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions, type ProtectedHeaderParameters } from 'jose';
import { httpIo } from './http-io.util';
import type { PlatformClock } from './platform.clock';
import type { RegisteredTool } from './fake-lti-platform.types';

export interface ToolJwtVerified {
  payload: JWTPayload & Record<string, unknown>;
  header: ProtectedHeaderParameters;
}

/** Algorithms the Security Framework allows for tool-signed JWTs (RS256 is the one everyone supports). */
const ALLOWED_ALGS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

/**
 * Verifies JWTs signed by a tool (client assertions, deep linking responses) against the tool's key
 * set. The JWKS is fetched on every verification instead of cached so a tool that rotates its keys is
 * seen at once; `fetches` lets tests assert the platform really went to the tool's JWKS URL.
 */
export class ToolKeyResolver {
  readonly fetches: { url: string; status: number; at: Date }[] = [];

  constructor(
    private readonly clock: PlatformClock,
    private readonly timeoutMs = 5_000,
  ) {}

  async verify(jwt: string, tool: RegisteredTool, options: JWTVerifyOptions): Promise<ToolJwtVerified> {
    const jwks = await this.keySet(tool);
    const result = await jwtVerify(jwt, createLocalJWKSet(jwks as never), {
      algorithms: ALLOWED_ALGS,
      clockTolerance: 5,
      currentDate: this.clock.date(),
      ...options,
    });
    return { payload: result.payload as ToolJwtVerified['payload'], header: result.protectedHeader };
  }

  private async keySet(tool: RegisteredTool): Promise<{ keys: Record<string, unknown>[] }> {
    if (tool.publicJwks) return tool.publicJwks;
    if (!tool.jwksUrl) throw new Error(`tool ${tool.clientId} has neither jwksUrl nor publicJwks`);
    const response = await httpIo.getJson(tool.jwksUrl, this.timeoutMs);
    this.fetches.push({ url: tool.jwksUrl, status: response.status, at: this.clock.date() });
    if (response.status !== 200) throw new Error(`tool JWKS ${tool.jwksUrl} answered ${response.status}`);
    const body = response.body as { keys?: unknown };
    if (!body || !Array.isArray(body.keys)) throw new Error(`tool JWKS ${tool.jwksUrl} has no keys array`);
    return body as { keys: Record<string, unknown>[] };
  }
}
