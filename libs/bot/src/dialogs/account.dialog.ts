import { Injectable } from '@nestjs/common';
import { AccountLinkService, DomainError } from '@o2o/core';
import { UserLinkStore } from '../state/user-link.store';
import { EffectResult, reply, StepResult, text, TurnScope, yesNo } from './turn-scope.util';
import { fromCommand, type Understanding } from './understanding.mapper';

/** Linking a chat user to a learner with a one-time code, and unlinking (after a confirmation). */
@Injectable()
export class AccountDialog {
  constructor(
    private readonly links: AccountLinkService,
    private readonly userLinks: UserLinkStore,
  ) {}

  link(scope: TurnScope, u: Understanding): StepResult {
    if (!u.linkCode) {
      if (scope.link) return reply(text(scope, 'bot.link.already'));
      scope.state.awaiting = { slot: 'link_code' };
      return reply(text(scope, 'bot.link.ask_code'));
    }
    const code = u.linkCode;
    const then = scope.state.afterLink;
    scope.state.afterLink = undefined;
    return {
      replies: [],
      effect: async (): Promise<EffectResult> => {
        try {
          const { tenantId, learnerId } = await this.links.redeem(code);
          await this.userLinks.link(scope.reference, tenantId, learnerId, scope.locale);
        } catch (err) {
          if (err instanceof DomainError) return { replies: [text(scope, 'bot.link.invalid')] };
          throw err;
        }
        const followUp = then ? fromCommand(then) : undefined;
        return { replies: [text(scope, 'bot.link.done')], followUp };
      },
    };
  }

  notACode(scope: TurnScope): StepResult {
    scope.state.awaiting = { slot: 'link_code' };
    return reply(text(scope, 'bot.link.not_a_code'));
  }

  unlink(scope: TurnScope): StepResult {
    if (!scope.link) return reply(text(scope, 'bot.unlink.not_linked'));
    scope.state.pending = { kind: 'unlink' };
    return reply(this.unlinkPrompt(scope));
  }

  unlinkPrompt(scope: TurnScope) {
    return text(scope, 'bot.unlink.confirm', {}, { actions: yesNo(scope) });
  }

  confirmUnlink(scope: TurnScope): StepResult {
    return {
      replies: [],
      effect: async () => {
        await this.userLinks.unlink(scope.reference);
        return { replies: [text(scope, 'bot.unlink.done')] };
      },
    };
  }
}
