import { LearnerRef } from '../normalized-learning-event';
import { XapiAgent } from './xapi-statement.types';

/**
 * The raw platform identity of an Agent, by its inverse functional identifier:
 * - account → issuer = homePage (one trailing "/" dropped so "https://lms.example.edu/" and the LTI issuer
 *   "https://lms.example.edu" name the same platform), subject = account name;
 * - mbox → issuer "mailto", subject = the address lower-cased (mail providers treat it case-insensitively);
 * - mbox_sha1sum → issuer "mbox_sha1sum", subject = lower-case hex;
 * - openid → issuer "openid", subject = the OpenID URI.
 * The same person sent once by mbox and once by account is two refs; only the identity service can join them.
 */
export function learnerRefFromAgent(agent: XapiAgent): LearnerRef {
  if (agent.account) return { issuer: agent.account.homePage.replace(/\/$/, ''), subject: agent.account.name };
  if (agent.mbox) return { issuer: 'mailto', subject: agent.mbox.slice('mailto:'.length).toLowerCase() };
  if (agent.mbox_sha1sum) return { issuer: 'mbox_sha1sum', subject: agent.mbox_sha1sum.toLowerCase() };
  if (agent.openid) return { issuer: 'openid', subject: agent.openid };
  throw new Error('agent has no inverse functional identifier; validate the statement first');
}
