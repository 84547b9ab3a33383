import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Clock, DomainError, TenantService } from '@o2o/core';
import { Locale, resolveLocale } from '@o2o/i18n';
import { ChatEngine, ChatMessage, ChatTurn } from '@o2o/plugin-sdk';
import { CatalogueProvider } from '../catalogue/catalogue.provider';
import { DialogRouter } from '../dialogs/dialog.router';
import { intentAction, text, TurnScope } from '../dialogs/turn-scope.util';
import { fromCommand, fromNlu, Understanding } from '../dialogs/understanding.mapper';
import { NluService } from '../nlu/nlu.service';
import { ConversationState, initialState } from '../state/conversation-state.types';
import { ConversationStore, LoadedConversation } from '../state/conversation.store';
import { UserLinkStore } from '../state/user-link.store';
import { say } from '../text/say.util';

/** Turns that lose the compare-and-set this many times in a row give up with "try again". */
const ATTEMPTS = 3;
/** Enough for any request; long pastes are not parsed in full. */
const MAX_UNDERSTOOD = 500;
const CJK = /[\u3400-\u9fff]/;

/**
 * The conversation engine: one chat turn in, neutral messages out. State is loaded from and saved to the
 * database every turn (compare-and-set), so any host instance can continue any conversation. Never throws: an
 * unexpected error becomes an apology in the user's language.
 */
@Injectable()
export class ConversationEngine extends ChatEngine implements OnModuleInit {
  private readonly logger = new Logger('ConversationEngine');
  private readonly nlu = new NluService();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: ConversationStore,
    private readonly links: UserLinkStore,
    private readonly catalogue: CatalogueProvider,
    private readonly router: DialogRouter,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
  ) {
    super();
  }

  onModuleInit(): void {
    const report = this.nlu.train();
    this.logger.log(`NLU trained in ${report.ms} ms (${report.languages.map((l) => `${l.language}: ${l.utterances}`).join(', ')})`);
  }

  async handle(turn: ChatTurn): Promise<ChatMessage[]> {
    try {
      return await this.run(turn, undefined, 0);
    } catch (err) {
      const locale = resolveLocale(turn.locale, this.config.defaultLocale);
      if (err instanceof DomainError) return [{ type: 'message', locale, text: say(locale, err.code, err.params) }];
      this.logger.error(`turn failed: ${(err as Error)?.stack ?? err}`);
      return [{ type: 'message', locale, text: say(locale, 'bot.error') }];
    }
  }

  private async run(turn: ChatTurn, forced: Understanding | undefined, depth: number): Promise<ChatMessage[]> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const { link, conversation: existing } = await this.store.start(turn.reference);
      // A linked user belongs to the learner's tenant; otherwise the endpoint's tenant, else where the chat began.
      const tenant = await this.tenants.resolve(link?.tenantId ?? turn.tenant ?? existing?.tenantId);
      const startLocale = resolveLocale(turn.locale, resolveLocale(tenant.defaultLocale, this.config.defaultLocale));
      const conversation = existing ?? (await this.store.create(turn.reference, tenant.id, initialState(startLocale)));
      // This turn's own copy: parsed from this turn's read (or just created), and read again if the save loses.
      const state: ConversationState = conversation.state;
      const catalogue = await this.catalogue.get(tenant.id);
      const now = this.clock.now();
      const { u, locale } = forced ? { u: forced, locale: state.locale } : this.understand(turn, state, catalogue.nlu, tenant.timeZone, now);
      const scope: TurnScope = { tenant, conversation, state, locale, link, catalogue, now, reference: turn.reference };
      if (turn.kind === 'conversation_start' && !forced) {
        return [text(scope, 'bot.welcome', {}, { actions: [intentAction(scope, 'find_sessions'), intentAction(scope, 'course_offline_options'), intentAction(scope, 'help')] })];
      }
      const result = await this.router.route(scope, u);
      state.locale = scope.locale;
      state.offered = offered(result.replies);
      if (!(await this.save(conversation, state, tenant.id, turn))) continue;
      if (link) await this.links.touch(link, turn.reference, scope.locale);
      if (!result.effect) return result.replies;
      const effect = await result.effect();
      const replies = [...result.replies, ...effect.replies];
      if (effect.followUp && depth < 2) replies.push(...(await this.run(turn, effect.followUp, depth + 1)));
      return replies;
    }
    const locale = resolveLocale(turn.locale, this.config.defaultLocale);
    return [{ type: 'message', locale, text: say(locale, 'bot.busy') }];
  }

  private save(conversation: LoadedConversation, state: ConversationState, tenantId: string, turn: ChatTurn): Promise<boolean> {
    const moved = JSON.stringify(conversation.reference) !== JSON.stringify(turn.reference);
    return this.store.save(conversation, {
      state,
      tenantId: tenantId !== conversation.tenantId ? tenantId : undefined,
      reference: moved ? turn.reference : undefined,
    });
  }

  /** Button → its command; a quick reply typed back as its label → that command; anything else → the NLU. */
  private understand(turn: ChatTurn, state: ConversationState, catalogue: TurnScope['catalogue']['nlu'], timeZone: string, now: Date): { u: Understanding; locale: Locale } {
    if (turn.command) {
      return { u: fromCommand(turn.command) ?? none(''), locale: state.locale };
    }
    const raw = (turn.text ?? '').trim();
    const label = raw.toLowerCase();
    const quick = state.offered?.find((o) => o.label.toLowerCase() === label);
    const fromLabel = quick ? fromCommand(quick.command) : undefined;
    if (fromLabel) return { u: { ...fromLabel, text: raw }, locale: state.locale };
    if (!raw) return { u: none(''), locale: state.locale };
    // The script picks the classifier ("help" is English even in a Chinese conversation); digits keep the chat's language.
    const script = CJK.test(raw) ? 'zh-CN' : /[A-Za-z]/.test(raw) ? 'en' : state.locale;
    const result = this.nlu.understand(raw.slice(0, MAX_UNDERSTOOD), { locale: script, catalogue, now, timeZone });
    const u = { ...fromNlu(result), text: raw };
    // Follow the language the user writes in, unless they asked for one; one-word replies ("ok", "2") decide nothing.
    const decisive = CJK.test(raw) || (raw.match(/[A-Za-z]+/g)?.length ?? 0) >= 2;
    const locale: Locale = decisive && !state.localeExplicit ? (result.language === 'zh' ? 'zh-CN' : 'en') : state.locale;
    return { u, locale };
  }
}

function none(textValue: string): Understanding {
  return { intent: 'none', alternatives: [], text: textValue, fromCommand: false };
}

function offered(replies: ChatMessage[]): ConversationState['offered'] {
  const out: NonNullable<ConversationState['offered']> = [];
  for (const r of replies) {
    if (r.type !== 'message') continue;
    for (const a of r.suggestedActions ?? []) out.push({ label: a.title, command: a.command });
  }
  return out.length ? out : undefined;
}
