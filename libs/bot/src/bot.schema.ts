import type { SchemaParts } from '@o2o/persistence';
import { BotSchema1733300000600 } from './migrations/1733300000600-bot-schema.migration';
import { BotCatalogueTerm } from './persistence/bot-catalogue-term.entity';
import { BotConversation } from './persistence/bot-conversation.entity';
import { BotDelivery } from './persistence/bot-delivery.entity';
import { BotFaqEntry } from './persistence/bot-faq-entry.entity';
import { BotHandoff } from './persistence/bot-handoff.entity';
import { BotTenantSettings } from './persistence/bot-tenant-settings.entity';
import { BotUserLink } from './persistence/bot-user-link.entity';

export const BOT_ENTITIES = [
  BotConversation, BotUserLink, BotFaqEntry, BotTenantSettings, BotCatalogueTerm, BotHandoff, BotDelivery,
];

/** The bot's tables, for the host's one-line capability list. */
export const BOT_SCHEMA: SchemaParts = { entities: BOT_ENTITIES, migrations: [BotSchema1733300000600] };
