import { Global, Module } from '@nestjs/common';
import { ChatEngine } from '@o2o/plugin-sdk';
import { BotSettingsController } from './admin/bot-settings.controller';
import { ChatLinkController } from './admin/chat-link.controller';
import { HandoffsController } from './admin/handoffs.controller';
import { CatalogueProvider } from './catalogue/catalogue.provider';
import { AccountDialog } from './dialogs/account.dialog';
import { BookingDialog } from './dialogs/booking.dialog';
import { BotReadModel } from './dialogs/bot-read.model';
import { DialogRouter } from './dialogs/dialog.router';
import { FaqDialog } from './dialogs/faq.dialog';
import { HandoffDialog } from './dialogs/handoff.dialog';
import { PromptReplayer } from './dialogs/prompt.replayer';
import { SearchDialog } from './dialogs/search.dialog';
import { ConversationEngine } from './engine/conversation.engine';
import { BotSettingsService } from './proactive/bot-settings.service';
import { HandoffJobs } from './proactive/handoff.jobs';
import { PlanSuggestionJobs } from './proactive/plan-suggestion.jobs';
import { ProactiveMessages } from './proactive/proactive.messages';
import { ProactiveScheduler } from './proactive/proactive.scheduler';
import { ProactiveSender } from './proactive/proactive.sender';
import { QuietHoursGate } from './proactive/quiet-hours.gate';
import { ReminderJobs } from './proactive/reminder.jobs';
import { ConversationStore } from './state/conversation.store';
import { TurnSql } from './state/turn-sql.executor';
import { UserLinkStore } from './state/user-link.store';

/**
 * The chat capability: the SDK-free conversation engine (provided as the plugin SDK's `ChatEngine`), proactive
 * messages through jobs, and the admin API for links, FAQ, settings and handoffs. Channel plugins bring the wire.
 */
@Global()
@Module({
  controllers: [ChatLinkController, BotSettingsController, HandoffsController],
  providers: [
    TurnSql, CatalogueProvider, ConversationStore, UserLinkStore, BotReadModel,
    SearchDialog, BookingDialog, FaqDialog, AccountDialog, HandoffDialog, PromptReplayer, DialogRouter,
    ConversationEngine, { provide: ChatEngine, useExisting: ConversationEngine },
    BotSettingsService, ProactiveSender, ProactiveMessages, QuietHoursGate, ProactiveScheduler,
    ReminderJobs, PlanSuggestionJobs, HandoffJobs,
  ],
  exports: [ChatEngine, ConversationEngine, UserLinkStore, ProactiveScheduler, BotSettingsService],
})
export class BotModule {}
