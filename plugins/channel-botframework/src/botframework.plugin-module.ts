import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { O2oPlugin, PluginRegistry } from '@o2o/plugin-sdk';
import { BotFrameworkAdapter } from './botframework.adapter';
import { BotFrameworkChannelPlugin } from './botframework-channel.plugin';
import { BOTFRAMEWORK_MANIFEST } from './botframework.manifest';
import { BotTurnHandler } from './bot-turn.handler';
import { MessagesEndpoint } from './messages.endpoint';

@Module({})
class BotFrameworkPluginModule implements OnModuleInit {
  constructor(
    private readonly registry: PluginRegistry,
    private readonly channel: BotFrameworkChannelPlugin,
    private readonly endpoint: MessagesEndpoint,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit() {
    this.registry.registerChannel(this.channel);
    // configureHttpApp mounts the endpoint ahead of the host's middleware; an app built without it still gets it
    // here (behind the host's parsers). A worker process has no HTTP adapter and no endpoint.
    const app = this.adapterHost.httpAdapter?.getInstance?.() as Parameters<MessagesEndpoint['mount']>[0] | undefined;
    if (app) this.endpoint.mount(app);
  }
}

/**
 * The Bot Framework channel (Teams, Web Chat, Direct Line, Emulator) as the host lists it. The only place that
 * imports botbuilder; it needs the conversation engine (`ChatEngine`) from the bot capability.
 */
export const BotFrameworkPlugin: O2oPlugin = {
  manifest: BOTFRAMEWORK_MANIFEST,
  module: {
    module: BotFrameworkPluginModule,
    providers: [BotFrameworkAdapter, BotTurnHandler, BotFrameworkChannelPlugin, MessagesEndpoint],
    exports: [BotFrameworkChannelPlugin, MessagesEndpoint],
  } as DynamicModule,
};
