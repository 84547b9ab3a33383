import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Activity, CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions,
  ConversationReference, InvokeResponse, TurnContext,
} from 'botbuilder';
// botbuilder's own connector (same release, 4.23.3): the public-cloud constants to keep when overriding token validation.
import { AuthenticationConstants } from 'botframework-connector';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { CHANNEL_TEXTS, channelLocale, channelText } from './channel-texts';
import { ClientCachingAuthentication } from './client-caching.authentication';

export type AuthenticatedRequest = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type Logic = (context: TurnContext) => Promise<void>;

/**
 * botbuilder's CloudAdapter with ConfigurationBotFrameworkAuthentication from our config. Authentication is a
 * separate step so the controller can answer 401 (or 503) itself: CloudAdapter.process would answer 500 for a
 * badly signed token and log it with console.error.
 */
@Injectable()
export class BotFrameworkAdapter extends CloudAdapter {
  private readonly log = new Logger('BotFrameworkAdapter');
  /** False when there are no credentials and unauthenticated use was not switched on: nothing may run. */
  readonly enabled: boolean;
  readonly authenticationDisabled: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super(new ClientCachingAuthentication(authenticationOptions(config)));
    this.authenticationDisabled = !config.bot.appId;
    this.enabled = !!config.bot.appId || config.bot.allowUnauthenticated;
    if (!this.enabled) this.log.warn('POST /api/messages answers 503: no MicrosoftAppId and BOT_ALLOW_UNAUTHENTICATED is not true');
    this.onTurnError = async (context, error) => {
      // The engine answers its own errors; this catches rendering and channel failures. Never rethrow: the
      // channel would retry the same activity.
      this.log.error(`turn failed: ${(error as Error)?.stack ?? error}`);
      try {
        await context.sendActivity(channelText(CHANNEL_TEXTS.turnFailed, channelLocale(context.activity.locale)));
      } catch {
        // The channel itself is unreachable; nothing more to tell anyone.
      }
    };
  }

  authenticate(activity: Activity, authorization: string): Promise<AuthenticatedRequest> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  run(auth: AuthenticatedRequest, activity: Activity, logic: Logic): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }

  /** Proactive turn; unlike inbound turns, a failure must reach the caller (the job retries), not onTurnError. */
  async proactive(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    let failure: unknown;
    await this.continueConversationAsync(this.config.bot.appId ?? '', reference, async (context) => {
      try {
        await logic(context);
      } catch (err) {
        failure = err;
      }
    });
    if (failure) throw failure;
  }
}

function authenticationOptions(config: AppConfig): ConfigurationBotFrameworkAuthenticationOptions {
  const credentials = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.appTenantId ?? '',
  };
  if (!config.bot.openIdMetadataUrl) return credentials;
  // Overriding one endpoint makes botbuilder expect all of them: keep the public cloud for the rest.
  return {
    ...credentials,
    ToBotFromChannelOpenIdMetadataUrl: config.bot.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: config.bot.tokenIssuer,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}
