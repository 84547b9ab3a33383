import { ValidationIssue } from '../validation-issue';

/**
 * Input to a door was invalid; nothing of it was stored. `issues` name every failing property by its path
 * (`statements[3].actor.mbox`, `data[2].eventTime`); `code` keys the summary text in @o2o/i18n.
 */
export class IngestValidationError extends Error {
  constructor(
    readonly code: string,
    readonly issues: ValidationIssue[],
  ) {
    super(`${code}: ${issues.map((i) => `${i.path} ${i.reason}`).join('; ')}`);
    this.name = 'IngestValidationError';
  }
}
