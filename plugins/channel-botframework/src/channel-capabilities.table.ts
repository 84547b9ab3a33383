import type { ChannelCapabilities } from '@o2o/plugin-sdk';
import table from './channel-capabilities.json';

/** The SDK's capabilities plus how this channel returns a quick reply. */
export interface BotFrameworkCapabilities extends ChannelCapabilities {
  quickReply: 'messageBack' | 'imBack';
}

const channels = table.channels as Record<string, BotFrameworkCapabilities>;

/** Declared capabilities of a Bot Framework channel; unknown channels get plain text, which every channel shows. */
export function capabilitiesOf(channelId: string): BotFrameworkCapabilities {
  return channels[channelId.toLowerCase()] ?? (table.default as BotFrameworkCapabilities);
}
