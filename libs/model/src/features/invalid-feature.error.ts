/** Thrown when an input or encoded value cannot be used; `feature` names the offending feature or column. */
export class InvalidFeatureError extends Error {
  constructor(
    readonly feature: string,
    readonly value: unknown,
    reason = 'must be a finite number',
  ) {
    super(`Feature "${feature}" ${reason} (got ${String(value)})`);
    this.name = 'InvalidFeatureError';
  }
}
