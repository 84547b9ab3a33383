import { Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ClaimsIdentity, ConnectorClient, ConnectorFactory, UserTokenClient } from 'botframework-connector';

/** Distinct (bot, serviceUrl) pairs kept; channels use a handful, so this only bounds junk from unauthenticated callers. */
const MAX_CLIENTS = 500;

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * ConfigurationBotFrameworkAuthentication that reuses the connector and user-token clients botbuilder builds for
 * every activity. They hold only the bot's own credentials (which cache and refresh their tokens), so one per
 * bot and serviceUrl serves every conversation; building them was about a fifth of a turn's CPU.
 */
export class ClientCachingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const inner = result.connectorFactory;
    if (!inner) return result;
    const appId = appIdOf(result.claimsIdentity);
    const caching = {
      create: (serviceUrl: string, audience?: string) =>
        cached(this.connectors, `${appId}|${serviceUrl}|${audience ?? ''}`, () => inner.create(serviceUrl, audience)),
    };
    return { ...result, connectorFactory: caching as unknown as ConnectorFactory };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return cached(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

/** The bot's app id as botbuilder reads it: the audience of a channel token, the appid of an emulator token. */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

function cached<T>(map: Map<string, Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    if (map.size >= MAX_CLIENTS) map.clear();
    value = build();
    map.set(key, value);
    // A failed build (e.g. a credentials problem) must not be remembered.
    value.catch(() => map.delete(key));
  }
  return value;
}
