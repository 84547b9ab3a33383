import type { AppConfig } from '@o2o/config';

/** Cookie attributes for the tool's cookies (ltijs' state cookie and our probe). */
export function cookiePolicy(config: AppConfig): { secure: boolean; sameSite: 'None' | 'Lax' } {
  const url = new URL(config.publicUrl);
  // Browsers keep Secure cookies on https and on loopback; an LMS frames the tool cross-site, which needs SameSite=None.
  const secure = config.nodeEnv === 'production' || url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return secure ? { secure: true, sameSite: 'None' } : { secure: false, sameSite: 'Lax' };
}
