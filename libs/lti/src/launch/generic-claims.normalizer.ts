import type { NormalizedLaunchClaims } from '@o2o/plugin-sdk';
import { CLAIM } from './lti-claims.constants';

type Role = NormalizedLaunchClaims['roles'][number];

/** LIS role URIs (context, institution, system) and their short names, as LTI 1.3 Core lists them. */
const ROLE_PATTERNS: [RegExp, Role][] = [
  [/(^|[#/])(Administrator|SysAdmin|SysSupport)$/i, 'administrator'],
  [/(^|[#/])(Instructor|TeachingAssistant|ContentDeveloper)$/i, 'instructor'],
  [/(^|[#/])(Learner|Student)$/i, 'learner'],
];

/**
 * Claims of a platform no LMS plugin recognises, read strictly by the LTI 1.3 specification. Unknown and empty roles
 * give no role at all (the page then shows the least privileged, learner view).
 */
export function normalizeLtiClaims(claims: Record<string, unknown>): NormalizedLaunchClaims {
  const raw = Array.isArray(claims[CLAIM.roles]) ? (claims[CLAIM.roles] as unknown[]) : [];
  const roles = new Set<Role>();
  for (const role of raw) {
    if (typeof role !== 'string') continue;
    for (const [pattern, normalized] of ROLE_PATTERNS) if (pattern.test(role)) roles.add(normalized);
  }
  const context = claims[CLAIM.context] as { id?: string; title?: string } | undefined;
  const presentation = claims[CLAIM.launchPresentation] as { locale?: string } | undefined;
  const locale = presentation?.locale ?? (typeof claims.locale === 'string' ? claims.locale : undefined);
  return {
    roles: [...roles],
    locale: locale ? locale.replace('_', '-') : null,
    courseId: context?.id ?? null,
    courseTitle: context?.title ?? null,
  };
}
