import { Injectable } from '@nestjs/common';
import type { IntentName } from '../nlu/nlu.types';
import type { PendingAction } from '../state/conversation-state.types';
import { AccountDialog } from './account.dialog';
import { BookingDialog } from './booking.dialog';
import { FaqDialog } from './faq.dialog';
import { HandoffDialog } from './handoff.dialog';
import { PromptReplayer } from './prompt.replayer';
import { SearchDialog } from './search.dialog';
import { intentAction, reply, StepResult, text, TurnScope } from './turn-scope.util';
import type { Understanding } from './understanding.mapper';

/** Interruptions: answered without dropping the question that is open; the question is asked again after them. */
const INTERRUPTIONS = new Set<string>(['help', 'switch_language', 'greeting']);
/** Never offered as a guess: answers without a question, and actions nobody should pick by accident. */
const NEVER_OFFERED = new Set<string>(['confirm_yes', 'confirm_no', 'unlink_account', 'greeting', 'switch_language']);
/** Choices offered when the NLU has no idea at all (and to fill up a short list of guesses). */
const DEFAULT_CHOICES: IntentName[] = ['find_sessions', 'course_offline_options', 'my_bookings', 'talk_to_person'];

/**
 * One turn of the conversation: fill the slot that was asked for, settle a pending yes/no, handle interruptions
 * (stop, help, language), otherwise route the intent. Low confidence always becomes a question, never an action.
 */
@Injectable()
export class DialogRouter {
  constructor(
    private readonly search: SearchDialog,
    private readonly booking: BookingDialog,
    private readonly faq: FaqDialog,
    private readonly account: AccountDialog,
    private readonly handoff: HandoffDialog,
    private readonly replay: PromptReplayer,
  ) {}

  async route(scope: TurnScope, u: Understanding): Promise<StepResult> {
    const { state } = scope;
    // A message for the team is taken as written; only an explicit "stop" interrupts it.
    const writing = state.awaiting?.slot === 'handoff_message';
    if ((writing ? u.intent === 'abort' : isAbort(u)) && (state.awaiting || state.pending)) return this.abort(scope);
    if (INTERRUPTIONS.has(u.intent) && !writing && (state.awaiting || state.pending)) {
      const first = this.smallTalk(scope, u);
      return { replies: [...first.replies, ...(await this.replay.openQuestion(scope))] };
    }
    if (state.awaiting) {
      const filled = await this.fillSlot(scope, u);
      if (filled) return filled;
      state.awaiting = undefined;
    }
    if (state.pending) {
      const pending = state.pending;
      if (u.intent === 'confirm_yes' || u.intent === 'confirm_no') {
        state.pending = undefined;
        return u.intent === 'confirm_yes' ? this.execute(scope, pending) : this.decline(scope, pending);
      }
      state.pending = undefined;
    }
    return this.dispatch(scope, u);
  }

  private async dispatch(scope: TurnScope, u: Understanding): Promise<StepResult> {
    // Codes are random letters and digits the classifier has never seen; a short message carrying one is a link
    // request whatever intent the rest of the words happened to score.
    if (u.linkCode && u.intent !== 'abort' && u.text.trim().split(/\s+/).length <= 4) return this.account.link(scope, u);
    switch (u.intent) {
      case 'find_sessions': return this.search.find(scope, u);
      case 'course_offline_options': return this.search.options(scope, u);
      case 'session_details': return this.search.details(scope, u);
      case 'book':
      case 'join_waitlist': return this.booking.book(scope, u);
      case 'cancel_booking': return this.booking.cancel(scope, u);
      case 'my_bookings': return this.booking.myBookings(scope);
      case 'ask_price':
      case 'ask_refund':
      case 'ask_location':
      case 'ask_what_to_bring': return this.faq.answer(scope, u);
      case 'link_account': return this.account.link(scope, u);
      case 'unlink_account': return this.account.unlink(scope);
      case 'talk_to_person': return this.handoff.ask(scope);
      case 'confirm_yes':
      case 'confirm_no': return reply(text(scope, 'bot.nothing_to_confirm', {}, { actions: [intentAction(scope, 'help')] }));
      case 'abort': return reply(text(scope, 'bot.aborted'));
      case 'none': return u.linkCode ? this.account.link(scope, u) : this.clarify(scope, u);
      default: return this.smallTalk(scope, u);
    }
  }

  /** The answer to the question asked last turn; undefined when the message is about something else. */
  private async fillSlot(scope: TurnScope, u: Understanding): Promise<StepResult | undefined> {
    const awaiting = scope.state.awaiting!;
    scope.state.awaiting = undefined;
    switch (awaiting.slot) {
      case 'handoff_message':
        // Whatever they write now is the message for the team, whatever it sounds like.
        return u.fromCommand || !u.text.trim() ? undefined : this.handoff.record(scope, u.text);
      case 'link_code':
        if (u.linkCode) return this.account.link(scope, u);
        return u.intent === 'none' || u.intent === 'link_account' ? this.account.notACode(scope) : undefined;
      case 'city':
        if (u.city || (u.intent === 'find_sessions' && (u.topic || u.dateRange || u.courseId))) return this.search.find(scope, u, awaiting.search);
        return undefined;
      case 'session':
        if (u.sessionId || u.ordinal !== undefined) return this.dispatch(scope, { ...u, intent: awaiting.then as IntentName });
        return undefined;
      case 'booking':
        if (u.bookingId || u.ordinal !== undefined) return this.booking.cancel(scope, { ...u, intent: 'cancel_booking' });
        return undefined;
      case 'course':
        if (u.courseId) return this.search.options(scope, { ...u, courseAlternatives: undefined });
        return undefined;
    }
  }

  private execute(scope: TurnScope, pending: PendingAction): StepResult | Promise<StepResult> {
    if (!scope.link && pending.kind !== 'unlink') return this.booking.needLink(scope, { intent: 'book', sessionId: pending.kind === 'book' ? pending.sessionId : undefined });
    switch (pending.kind) {
      case 'book': return this.booking.confirmBook(scope, pending.sessionId);
      case 'cancel': return this.booking.confirmCancel(scope, pending.bookingId, pending.sessionId);
      case 'unlink': return this.account.confirmUnlink(scope);
    }
  }

  private decline(scope: TurnScope, pending: PendingAction): StepResult {
    const key = { book: 'bot.book.declined', cancel: 'bot.cancel.declined', unlink: 'bot.unlink.declined' }[pending.kind];
    return reply(text(scope, key));
  }

  private abort(scope: TurnScope): StepResult {
    Object.assign(scope.state, { awaiting: undefined, pending: undefined, afterLink: undefined });
    return reply(text(scope, 'bot.aborted'));
  }

  /** Not sure what was meant: offer the likely intents (keeping what was recognised, e.g. the city) as choices. */
  private clarify(scope: TurnScope, u: Understanding): StepResult {
    const likely = u.alternatives.filter((i) => !NEVER_OFFERED.has(i));
    const choices = [...likely, ...DEFAULT_CHOICES.filter((i) => !likely.includes(i))].slice(0, Math.max(3, likely.length));
    const keep = { topic: u.topic, city: u.city, courseId: u.courseId };
    const actions = choices.map((intent) => intentAction(scope, intent, intent === 'find_sessions' || intent === 'course_offline_options' ? prune(keep) : {}));
    if (!choices.includes('help')) actions.push(intentAction(scope, 'help'));
    return reply(text(scope, 'bot.clarify', {}, { actions }));
  }

  private smallTalk(scope: TurnScope, u: Understanding): StepResult {
    if (u.intent === 'switch_language') {
      scope.locale = u.targetLocale ?? (scope.locale === 'en' ? 'zh-CN' : 'en');
      Object.assign(scope.state, { locale: scope.locale, localeExplicit: true });
      return reply(text(scope, 'bot.language_switched'));
    }
    const starters = [intentAction(scope, 'find_sessions'), intentAction(scope, 'course_offline_options'), intentAction(scope, 'my_bookings')];
    if (u.intent === 'greeting') return reply(text(scope, 'bot.greeting', {}, { actions: starters }));
    return reply(text(scope, 'bot.help', {}, { actions: [...starters, intentAction(scope, 'talk_to_person'), intentAction(scope, 'switch_language')] }));
  }
}

/** "stop", "never mind" — and a bare "cancel" while a question is open means stop, not cancel a booking. */
function isAbort(u: Understanding): boolean {
  if (u.intent === 'abort') return true;
  const short = u.text.trim().split(/\s+/).length <= 2 && u.text.trim().length <= 12;
  return short && u.intent === 'none' && (u.alternatives[0] === 'abort' || u.alternatives[0] === 'cancel_booking');
}

function prune<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
