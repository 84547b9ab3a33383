import { pseudonymizeCaliperItem } from './caliper-event.pseudonymizer';

const pseudonymOf = ({ issuer, subject }: { issuer: string; subject: string }) => `${issuer.length}-${subject.length}`;

describe('pseudonymizeCaliperItem', () => {
  it('replaces persons, person references and e-mail addresses', () => {
    const event = {
      id: 'urn:uuid:3a648e68-f00d-4c08-aa59-8738e1884f2c', type: 'ForumEvent', action: 'Subscribed',
      actor: { id: 'https://example.edu/users/554433', type: 'Person', name: 'Ann Lee', email: 'ann@example.edu' },
      object: { id: 'https://example.edu/forums/1', type: 'Forum', creators: ['urn:lms:user:7'] },
      membership: { id: 'https://example.edu/m/1', type: 'Membership', member: 'https://example.edu/users/554433' },
      extensions: { note: 'contact ann@example.edu' },
    };
    const stored = JSON.parse(pseudonymizeCaliperItem(event, 'https://example.edu/sensors/1', pseudonymOf));
    expect(stored.actor).toEqual({ id: 'urn:o2o-bridge:pseudonym:19-32', type: 'Person' });
    expect(stored.membership.member).toBe('urn:o2o-bridge:pseudonym:19-32');
    expect(stored.object.creators).toEqual(['urn:o2o-bridge:pseudonym:29-14']);
    expect(stored.extensions.note).toBe('contact [e-mail removed]');
    expect(JSON.stringify(stored)).not.toMatch(/Ann Lee|ann@|554433/);
  });

  it('keeps the anonymous person as it is', () => {
    const stored = JSON.parse(pseudonymizeCaliperItem({ actor: 'http://purl.imsglobal.org/caliper/Person' }, 'urn:s', pseudonymOf));
    expect(stored.actor).toBe('http://purl.imsglobal.org/caliper/Person');
  });
});
