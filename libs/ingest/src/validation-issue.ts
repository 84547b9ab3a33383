/** One reason an input was refused; `path` names the property, e.g. `statements[3].actor.mbox`. */
export interface ValidationIssue {
  path: string;
  reason: string;
}
