import { LearnerRef } from '../normalized-learning-event';
import { scrubEmails } from '../shared/email-scrubber';
import { learnerRefFromAgent } from './xapi-learner-ref';
import { XapiActor, XapiAgent, XapiContext, XapiGroup, XapiStatement, XapiSubStatement } from './xapi-statement.types';

/** Turns a platform identity into the tenant's pseudonym (HMAC); the store passes IdentityService.pseudonymFor. */
export type PseudonymOf = (ref: LearnerRef) => string;

/**
 * The statement as it may be kept: every Agent and Group (actor, object, instructor, team, members, inside a
 * SubStatement) is replaced by an account on `homePage` whose name is the pseudonym, so names, mboxes, sha1sums,
 * OpenIDs and platform user ids never reach the statement table; they live only in learner_identity. The
 * authority (our own credential) is kept. E-mail addresses left in free text are removed as well. Returns JSON text.
 */
export function pseudonymizeStatement(statement: XapiStatement, pseudonymOf: PseudonymOf, homePage: string): string {
  const agent = (actor: XapiActor): XapiActor => pseudonymizeActor(actor, pseudonymOf, homePage);
  const context = (ctx: XapiContext | undefined): XapiContext | undefined => {
    if (!ctx || (!ctx.instructor && !ctx.team)) return ctx;
    const out: XapiContext = { ...ctx };
    if (ctx.instructor) out.instructor = agent(ctx.instructor);
    if (ctx.team) out.team = agent(ctx.team) as XapiGroup;
    return out;
  };
  const out: XapiStatement = { ...statement, actor: agent(statement.actor) };
  const object = statement.object;
  if (object.objectType === 'Agent' || object.objectType === 'Group') {
    out.object = agent(object as XapiActor);
  } else if (object.objectType === 'SubStatement') {
    const sub = object as XapiSubStatement;
    const inner = sub.object.objectType === 'Agent' || sub.object.objectType === 'Group' ? agent(sub.object as XapiActor) : sub.object;
    out.object = { ...sub, actor: agent(sub.actor), object: inner, context: context(sub.context) } as XapiSubStatement;
    if (!sub.context) delete (out.object as XapiSubStatement).context;
  }
  if (statement.context) out.context = context(statement.context);
  return scrubEmails(JSON.stringify(out));
}

function hasIdentifier(actor: XapiAgent | XapiGroup): boolean {
  return Boolean(actor.account || actor.mbox || actor.mbox_sha1sum || actor.openid);
}

function pseudonymizeActor(actor: XapiActor, pseudonymOf: PseudonymOf, homePage: string): XapiActor {
  const account = hasIdentifier(actor) ? { homePage, name: pseudonymOf(learnerRefFromAgent(actor as XapiAgent)) } : undefined;
  if (actor.objectType === 'Group') {
    const group: XapiGroup = { objectType: 'Group' };
    if (account) group.account = account;
    if (actor.member) group.member = actor.member.map((m) => pseudonymizeActor(m, pseudonymOf, homePage) as XapiAgent);
    return group;
  }
  const out: XapiAgent = {};
  if (actor.objectType) out.objectType = 'Agent';
  if (account) out.account = account;
  return out;
}
