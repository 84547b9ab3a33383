import { LTI_SPEC } from './lti-spec.constants';
import type { LaunchCase } from './launch-mutation.types';

const C = LTI_SPEC.claim;
const CERT = '1EdTech LTI 1.3 certification, valid instructor/student launches';

const withRoles =
  (roles: string[]) =>
  (claims: Record<string, unknown>): void => {
    claims[C.roles] = roles;
  };

/** Drops personal fields except the ones listed, as a platform with a stricter privacy setting does. */
const keepPersonal =
  (...keep: string[]) =>
  (claims: Record<string, unknown>): void => {
    for (const f of ['name', 'given_name', 'family_name', 'middle_name', 'email', 'picture']) {
      if (!keep.includes(f)) delete claims[f];
    }
    const lis = claims[C.lis] as Record<string, unknown> | undefined;
    if (lis) delete lis.person_sourcedid;
  };

/**
 * Launches a correct tool must accept even though they look unusual. Same shape as
 * KNOWN_BAD_LAUNCHES so both run through the same driver.
 */
export const VALID_LAUNCH_VARIATIONS: readonly LaunchCase[] = [
  { id: 'baseline', title: 'Unchanged launch as built by the platform', expect: 'accept', requirement: 'MUST', reference: CERT, mutation: {} },
  {
    id: 'instructor',
    title: 'Instructor role (full URI)',
    expect: 'accept',
    requirement: 'MUST',
    reference: CERT,
    mutation: { claims: withRoles([LTI_SPEC.role.instructor]) },
  },
  { id: 'no-pii', title: 'No personal data (anonymous privacy level)', expect: 'accept', requirement: 'MUST', reference: CERT, mutation: { claims: keepPersonal() } },
  { id: 'email-only', title: 'E-mail but no name', expect: 'accept', requirement: 'MUST', reference: CERT, mutation: { claims: keepPersonal('email') } },
  {
    id: 'names-only',
    title: 'Names but no e-mail',
    expect: 'accept',
    requirement: 'MUST',
    reference: CERT,
    mutation: { claims: keepPersonal('name', 'given_name', 'family_name', 'middle_name') },
  },
  {
    id: 'empty-role',
    title: 'roles: [""] (a platform that knows no role for the user)',
    expect: 'accept',
    requirement: 'MUST',
    reference: 'LTI 1.3 Core: roles claim is required but may hold no recognised role',
    mutation: { claims: withRoles(['']) },
  },
  { id: 'short-role-learner', title: 'Short role name "Learner"', expect: 'accept', requirement: 'MUST', reference: CERT, mutation: { claims: withRoles(['Learner']) } },
  {
    id: 'short-role-instructor',
    title: 'Short role name "Instructor"',
    expect: 'accept',
    requirement: 'MUST',
    reference: CERT,
    mutation: { claims: withRoles(['Instructor']) },
  },
  {
    id: 'unknown-role',
    title: 'A role URI outside the LIS vocabulary',
    expect: 'accept',
    requirement: 'MUST',
    reference: CERT,
    mutation: { claims: withRoles(['http://example.com/vocab/roles#Auditor']) },
  },
  {
    id: 'multiple-roles',
    title: 'Several roles incl. institution roles',
    expect: 'accept',
    requirement: 'MUST',
    reference: CERT,
    mutation: {
      claims: withRoles([LTI_SPEC.role.instructor, LTI_SPEC.role.learner, LTI_SPEC.role.institutionAdministrator]),
    },
  },
  {
    id: 'no-context',
    title: 'No context claim (and so no NRPS/AGS claims)',
    expect: 'accept',
    requirement: 'MUST',
    reference: 'LTI 1.3 Core: context claim is optional',
    mutation: {
      claims: (c) => {
        delete c[C.context];
        delete c[C.nrps];
        delete c[C.agsEndpoint];
        const lis = c[C.lis] as Record<string, unknown> | undefined;
        if (lis) delete lis.course_offering_sourcedid;
      },
    },
  },
];
