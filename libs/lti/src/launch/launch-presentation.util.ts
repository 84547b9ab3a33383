import { decodeJwt } from 'jose';
import { CLAIM } from './lti-claims.constants';

/** What a refused launch still lets us show: the language and the way back, read from the (unverified) token. */
export function presentationOf(idToken: unknown): { locale?: string; returnUrl?: string } {
  try {
    const claims = decodeJwt(String(idToken));
    const p = claims[CLAIM.launchPresentation] as { locale?: string; return_url?: string } | undefined;
    return { locale: p?.locale ?? (claims.locale as string | undefined), returnUrl: p?.return_url };
  } catch {
    return {};
  }
}
