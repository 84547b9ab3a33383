import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { O2oPlugin, PluginRegistry } from '@o2o/plugin-sdk';
import { BotFrameworkAdapter } from './botframework.adapter';
import { BotFrameworkChannelPlugin } from './botframework-channel.plugin';
import { BOTFRAMEWORK_MANIFEST } from './botframework.manifest';
import { BotTurnHandler } from './bot-turn.handler';
import { MessagesController } from './messages.controller';

@Module({})
class BotFrameworkPluginModule implements OnModuleInit {
  constructor(
    private readonly registry: PluginRegistry,
    private readonly channel: BotFrameworkChannelPlugin,
  ) {}

  onModuleInit() {
    this.registry.registerChannel(this.channel);
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
    controllers: [MessagesController],
    providers: [BotFrameworkAdapter, BotTurnHandler, BotFrameworkChannelPlugin],
    exports: [BotFrameworkChannelPlugin],
  } as DynamicModule,
};
