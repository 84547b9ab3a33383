import { Injectable } from '@nestjs/common';
import { localTitle } from '../catalogue/catalogue.snapshot';
import { formatPrice } from '../text/session.presenter';
import { BotReadModel } from './bot-read.model';
import { SearchDialog } from './search.dialog';
import { resolveSession } from './session-reference.resolver';
import { intentAction, reply, StepResult, text, TurnScope } from './turn-scope.util';
import type { Understanding } from './understanding.mapper';

/** The FAQ key each question reads in the tenant's FAQ table. */
const FAQ_KEYS: Record<string, string> = {
  ask_price: 'price', ask_refund: 'refund', ask_location: 'location', ask_what_to_bring: 'what_to_bring',
};

/**
 * Price, refund, location and what-to-bring: answered from the session being talked about (its price, venue,
 * description) and completed by the tenant's FAQ table; refunds come from the FAQ only.
 */
@Injectable()
export class FaqDialog {
  constructor(
    private readonly read: BotReadModel,
    private readonly search: SearchDialog,
  ) {}

  async answer(scope: TurnScope, u: Understanding): Promise<StepResult> {
    const faq = await this.read.faq(scope.tenant.id, FAQ_KEYS[u.intent as string]);
    const faqText = faq ? (scope.locale === 'zh-CN' ? faq.answerZh : faq.answerEn) : undefined;
    const general = () => ({ type: 'message' as const, locale: scope.locale, text: faqText! });
    if (u.intent === 'ask_refund') return faqText ? reply(general()) : this.missing(scope);
    const ref = resolveSession(u, scope.state);
    if (!('sessionId' in ref)) {
      if (faqText) return reply(general());
      return 'ambiguous' in ref ? this.search.askSession(scope, u.intent as string) : this.missing(scope);
    }
    const session = await this.read.session(scope.tenant.id, ref.sessionId);
    if (!session) return reply(text(scope, 'bot.search.gone'));
    scope.state.focus = session.id;
    const title = localTitle(session.title, scope.locale);
    const city = scope.catalogue.cityName(session.city, scope.locale);
    const withFaq = (key: string, params: Record<string, unknown>) => {
      const message = text(scope, key, params);
      if (faqText) message.text += `\n${faqText}`;
      return reply(message);
    };
    switch (u.intent) {
      case 'ask_price':
        return withFaq('bot.faq.price', { title, price: formatPrice(session, scope.locale) });
      case 'ask_location': {
        const venue = scope.catalogue.venue(session.venueId);
        return venue
          ? withFaq('bot.faq.location', { title, venue: localTitle(venue.name, scope.locale), address: venue.address, city })
          : withFaq('bot.faq.location_city', { title, city });
      }
      default: {
        const description = localTitle(session.description ?? '', scope.locale).trim();
        return description ? withFaq('bot.faq.bring', { title, description }) : withFaq('bot.faq.bring_nothing', { title });
      }
    }
  }

  private missing(scope: TurnScope): StepResult {
    return reply(text(scope, 'bot.faq.missing', {}, { actions: [intentAction(scope, 'talk_to_person')] }));
  }
}
