import { registerMessages } from '@o2o/i18n';
import { LTI_ADMIN_MESSAGES } from './lti-admin.messages';
import { LTI_ERROR_MESSAGES } from './lti-error.messages';
import { LTI_PAGE_MESSAGES } from './lti-page.messages';
import { LTI_PLAN_MESSAGES } from './lti-plan.messages';

let registered = false;

/** Adds the LTI texts to the shared catalogue once (called when the LTI module is built). */
export function registerLtiMessages(): void {
  if (registered) return;
  registered = true;
  registerMessages(LTI_ERROR_MESSAGES);
  registerMessages(LTI_PAGE_MESSAGES);
  registerMessages(LTI_ADMIN_MESSAGES);
  registerMessages(LTI_PLAN_MESSAGES);
}
