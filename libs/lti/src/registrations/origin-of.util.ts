/** The origin of a URL (scheme, host, port), or undefined when it is not one. */
export function originOf(url: string | null | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
