/** LTI Dynamic Registration 1.0 §3.5.1: the configuration must come from the issuer's own URL space. */
export function genericConfigurationProblems(configuration: Record<string, unknown>, configurationUrl: string): string[] {
  const issuer = String(configuration.issuer ?? '');
  return configurationUrl.startsWith(issuer.replace(/\/$/, '')) ? [] : [`issuer ${issuer} does not match ${configurationUrl}`];
}
