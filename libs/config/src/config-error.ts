/** Raised at boot when an environment variable is missing or malformed; names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super(
      'Invalid configuration: ' +
        problems.map((p) => `${p.variable}: ${p.reason}`).join('; '),
    );
    this.name = 'ConfigError';
  }
}
