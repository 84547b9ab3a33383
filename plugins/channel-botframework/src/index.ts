export * from './botframework.manifest';
export * from './botframework.plugin-module';
export { BotFrameworkChannelPlugin } from './botframework-channel.plugin';
export { MessagesEndpoint } from './messages.endpoint';
