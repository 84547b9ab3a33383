import { XapiStatement } from './xapi-statement.types';
import { pseudonymizeStatement } from './xapi-statement.pseudonymizer';

const pseudonymOf = ({ issuer, subject }: { issuer: string; subject: string }) => `p(${issuer}|${subject})`.replace(/[@.]/g, '_');
const HOME = 'https://bridge.example.com/learners';

describe('pseudonymizeStatement', () => {
  it('replaces every agent and group by a pseudonymous account and removes e-mails from free text', () => {
    const statement = {
      id: '6a1b3c8e-0f5a-4f8e-9d1c-3e2b1a0f9c7d',
      actor: { objectType: 'Agent', name: 'Ann Lee', mbox: 'mailto:ann@example.com' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { id: 'https://lms.example.edu/quiz/1', definition: { name: { en: 'Quiz' } } },
      result: { response: 'write to ann.lee@example.com' },
      context: {
        instructor: { name: 'Bob Ma', account: { homePage: 'https://lms.example.edu', name: '42' } },
        team: { objectType: 'Group', name: 'Team A', member: [{ mbox_sha1sum: 'a'.repeat(40) }, { openid: 'https://id.example.com/c' }] },
        extensions: { 'https://lms.example.edu/x/user': { email: 'mailto:ann@example.com' } },
      },
      authority: { objectType: 'Agent', account: { homePage: 'https://bridge.example.com/xapi', name: 'xapi_key' } },
    } as XapiStatement;
    const stored = JSON.parse(pseudonymizeStatement(statement, pseudonymOf, HOME));
    expect(stored.actor).toEqual({ objectType: 'Agent', account: { homePage: HOME, name: 'p(mailto|ann_example_com)' } });
    expect(stored.context.instructor).toEqual({ account: { homePage: HOME, name: 'p(https://lms_example_edu|42)' } });
    expect(stored.context.team).toEqual({ objectType: 'Group', member: [
      { account: { homePage: HOME, name: `p(mbox_sha1sum|${'a'.repeat(40)})` } },
      { account: { homePage: HOME, name: 'p(openid|https://id_example_com/c)' } },
    ] });
    expect(stored.authority).toEqual(statement.authority);
    expect(stored.object).toEqual(statement.object);
    const text = JSON.stringify(stored);
    for (const secret of ['Ann Lee', 'Bob Ma', 'Team A', 'ann@example.com', 'ann.lee@example.com', '"42"']) expect(text).not.toContain(secret);
    expect(stored.result.response).toBe('write to [e-mail removed]');
    expect(statement.actor).toHaveProperty('mbox'); // the input is not modified
  });

  it('pseudonymizes agents inside a SubStatement and agent objects', () => {
    const statement = {
      actor: { mbox: 'mailto:a@example.com' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/mentored' },
      object: { objectType: 'SubStatement', actor: { mbox: 'mailto:b@example.com' }, verb: { id: 'http://example.com/v' },
        object: { objectType: 'Agent', name: 'Cy', mbox: 'mailto:c@example.com' } },
    } as XapiStatement;
    const stored = JSON.parse(pseudonymizeStatement(statement, pseudonymOf, HOME));
    expect(stored.object.actor.account.name).toBe('p(mailto|b_example_com)');
    expect(stored.object.object).toEqual({ objectType: 'Agent', account: { homePage: HOME, name: 'p(mailto|c_example_com)' } });
    expect(stored.object).not.toHaveProperty('context');
  });
});
