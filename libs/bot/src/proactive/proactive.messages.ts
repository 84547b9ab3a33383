import { Injectable } from '@nestjs/common';
import type { Locale } from '@o2o/i18n';
import type { OfflineSession } from '@o2o/core';
import type { ChatMessage } from '@o2o/plugin-sdk';
import { localTitle } from '../catalogue/catalogue.snapshot';
import { CatalogueProvider } from '../catalogue/catalogue.provider';
import { say } from '../text/say.util';
import { formatWhen, formatWhere, sessionCard } from '../text/session.presenter';
import type { ReminderOffset } from './proactive-job.names';

/** The proactive messages, built in the learner's chat language when they are sent (not when scheduled). */
@Injectable()
export class ProactiveMessages {
  constructor(private readonly catalogue: CatalogueProvider) {}

  async reminder(session: OfflineSession, offset: ReminderOffset, locale: Locale): Promise<ChatMessage[]> {
    const c = await this.catalogue.get(session.tenantId);
    const params = { title: localTitle(session.title, locale), when: formatWhen(session, locale), where: formatWhere(session, c, locale) };
    return [{
      type: 'message', locale, text: say(locale, `bot.proactive.reminder_${offset}`, params),
      suggestedActions: [{ title: say(locale, 'bot.action.details'), command: { intent: 'session_details', sessionId: session.id } }],
    }];
  }

  async promoted(session: OfflineSession, locale: Locale): Promise<ChatMessage[]> {
    const text = say(locale, 'bot.proactive.promoted', { title: localTitle(session.title, locale), when: formatWhen(session, locale) });
    return [{ type: 'message', locale, text }];
  }

  async planSuggestion(session: OfflineSession, locale: Locale): Promise<ChatMessage[]> {
    const c = await this.catalogue.get(session.tenantId);
    const text = say(locale, 'bot.proactive.plan', {
      title: localTitle(session.title, locale), when: formatWhen(session, locale), city: c.cityName(session.city, locale),
    });
    return [{ type: 'message', locale, text, cards: [sessionCard(session, c, locale)] }];
  }

  handoffAnswer(answer: string, locale: Locale): ChatMessage[] {
    return [{ type: 'message', locale, text: say(locale, 'bot.proactive.handoff_answer', { answer }) }];
  }
}
