import type { PlatformUser, PrivacyLevel } from './fake-lti-platform.types';

const NAME_FIELDS = ['name', 'given_name', 'family_name', 'middle_name'] as const;

/**
 * Which personal fields a tool may see, the same rule for id_tokens and NRPS members (Canvas privacy
 * levels; Moodle's "share launcher's name / e-mail" switches map onto the same four cases).
 * `lis_person_sourcedid` and `picture` go with `public` only.
 */
export function filterPersonalData<T extends Partial<PlatformUser>>(user: T, level: PrivacyLevel): Partial<T> {
  const out: Partial<T> = { ...user };
  const keepNames = level === 'public' || level === 'name_only';
  const keepEmail = level === 'public' || level === 'email_only';
  if (!keepNames) for (const f of NAME_FIELDS) delete out[f];
  if (!keepEmail) delete out.email;
  if (level !== 'public') {
    delete out.picture;
    delete out.lis_person_sourcedid;
  }
  return out;
}
