/** Thrown when the plan input is malformed; `field` is a path such as `scores[12].score`. */
export class PlanValidationError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly value?: unknown,
  ) {
    super(`${field} ${reason}${value === undefined ? '' : ` (got ${describe(value)})`}`);
    this.name = 'PlanValidationError';
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeof value;
}
