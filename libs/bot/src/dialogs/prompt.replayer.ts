import { Injectable } from '@nestjs/common';
import type { ChatMessage } from '@o2o/plugin-sdk';
import { AccountDialog } from './account.dialog';
import { BookingDialog } from './booking.dialog';
import { BotReadModel } from './bot-read.model';
import { SearchDialog } from './search.dialog';
import { text, TurnScope } from './turn-scope.util';

/**
 * Asks the open question again after an interruption ("help", "switch to Chinese"), rebuilt from the state, so it
 * comes out in the language now in use rather than as stored text.
 */
@Injectable()
export class PromptReplayer {
  constructor(
    private readonly search: SearchDialog,
    private readonly booking: BookingDialog,
    private readonly account: AccountDialog,
    private readonly read: BotReadModel,
  ) {}

  async openQuestion(scope: TurnScope): Promise<ChatMessage[]> {
    const { pending, awaiting } = scope.state;
    if (pending?.kind === 'book' && scope.link) return (await this.booking.promptBook(scope, pending.sessionId)).replies;
    if (pending?.kind === 'cancel') {
      const session = await this.read.session(scope.tenant.id, pending.sessionId);
      return session ? [this.booking.cancelPrompt(scope, session)] : [];
    }
    if (pending?.kind === 'unlink') return [this.account.unlinkPrompt(scope)];
    switch (awaiting?.slot) {
      case 'city': return [this.search.askCity(scope)];
      case 'session': return (await this.search.askSession(scope, awaiting.then)).replies;
      case 'booking': return (await this.booking.cancel(scope, { intent: 'cancel_booking', alternatives: [], text: '', fromCommand: true })).replies;
      case 'course': return this.search.askCourse(scope, [...scope.catalogue.courses.keys()]).replies;
      case 'link_code': return [text(scope, 'bot.link.ask_code')];
      case 'handoff_message': return [text(scope, 'bot.handoff.ask')];
      default: return [];
    }
  }
}
