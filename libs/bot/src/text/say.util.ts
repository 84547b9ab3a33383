import { Locale, registerMessages, translate } from '@o2o/i18n';
import { DIALOG_TEXTS } from './dialog-texts';
import { SESSION_TEXTS } from './session-texts';

registerMessages(DIALOG_TEXTS);
registerMessages(SESSION_TEXTS);

/** A bot text in the reader's language, placeholders filled. Also resolves @o2o/i18n error codes (DomainError). */
export function say(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  return translate(locale, key, params);
}
