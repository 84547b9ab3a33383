import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';

export const TEST_BOT_APP_ID = 'o2o-test-bot-app-id';
export const TEST_TOKEN_ISSUER = 'https://api.botframework.test';

/**
 * Stands in for the Bot Connector's token side, on 127.0.0.1: OpenID metadata and a JWKS with one RS256 key
 * (endorsed for some channels, as Microsoft's keys are), and mints channel tokens the way the connector does.
 */
export class FakeBotConnectorAuth {
  readonly kid = `test-key-${randomUUID().slice(0, 8)}`;
  private privateKey!: KeyLike;
  private jwk!: JWK;
  private server!: Server;
  metadataUrl = '';

  constructor(private readonly endorsements = ['webchat', 'msteams', 'emulator']) {}

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: this.kid, use: 'sig', alg: 'RS256', endorsements: this.endorsements } as JWK;
    this.server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/openid') return res.end(JSON.stringify({ issuer: TEST_TOKEN_ISSUER, jwks_uri: `${base}/keys` }));
      if (req.url === '/keys') return res.end(JSON.stringify({ keys: [this.jwk] }));
      res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.metadataUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/openid`;
    return this;
  }

  /** Environment that points the host's token validation here. */
  env(): Record<string, string> {
    return {
      MicrosoftAppId: TEST_BOT_APP_ID, MicrosoftAppPassword: 'test-bot-password-not-used-offline',
      BOT_OPENID_METADATA_URL: this.metadataUrl, BOT_TOKEN_ISSUER: TEST_TOKEN_ISSUER,
    };
  }

  /** A channel token for `serviceUrl` (claim `serviceurl`, as the connector spells it); `claims`/`options` bend it into the negative cases. */
  async token(serviceUrl: string, claims: Record<string, unknown> = {}, options: { key?: KeyLike; kid?: string; expiresIn?: string } = {}): Promise<string> {
    return new SignJWT({ serviceurl: serviceUrl, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? this.kid, typ: 'JWT' })
      .setIssuer((claims.iss as string) ?? TEST_TOKEN_ISSUER)
      .setAudience((claims.aud as string) ?? TEST_BOT_APP_ID)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 60)
      .setNotBefore(Math.floor(Date.now() / 1000) - 60)
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key ?? this.privateKey);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
