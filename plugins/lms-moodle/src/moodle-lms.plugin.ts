import { Injectable } from '@nestjs/common';
import { LMS_PLUGIN_CLAIM, LmsPlugin, LtiLmsExtension, NormalizedLaunchClaims } from '@o2o/plugin-sdk';
import { moodleRegistrationRequest, moodleSetupHints } from './moodle-registration.rules';

const ROLE_PATTERNS: [RegExp, NormalizedLaunchClaims['roles'][number]][] = [
  [/(^|[#/])(Administrator|SysAdmin)$/i, 'administrator'],
  [/(^|[#/])(Instructor|TeachingAssistant|ContentDeveloper|Mentor)$/i, 'instructor'],
  [/(^|[#/])(Learner|Student)$/i, 'learner'],
];

/**
 * Moodle's launches: roles as full URIs (institution and context), locale from launch_presentation. The LTI tool also
 * uses the optional LtiLmsExtension methods below (displayName, registrationRequest, setupHints).
 */
@Injectable()
export class MoodleLmsPlugin implements LmsPlugin, LtiLmsExtension {
  readonly id = 'lms-moodle';
  readonly displayName = 'Moodle';

  recognises(hint: { issuer?: string; productFamilyCode?: string }): boolean {
    return hint.productFamilyCode === 'moodle';
  }

  normalizeClaims(idToken: Record<string, unknown>): NormalizedLaunchClaims {
    const rawRoles = (idToken[LMS_PLUGIN_CLAIM.roles] as string[] | undefined) ?? [];
    const roles = new Set<NormalizedLaunchClaims['roles'][number]>();
    for (const role of rawRoles) {
      for (const [pattern, normalized] of ROLE_PATTERNS) if (pattern.test(role)) roles.add(normalized);
    }
    const context = idToken[LMS_PLUGIN_CLAIM.context] as { id?: string; title?: string } | undefined;
    const presentation = idToken[LMS_PLUGIN_CLAIM.launchPresentation] as { locale?: string } | undefined;
    return {
      roles: [...roles],
      // Moodle sends its language pack code ("zh_cn"); BCP 47 wants a hyphen.
      locale: presentation?.locale?.replace('_', '-') ?? null,
      courseId: context?.id ?? null,
      courseTitle: context?.title ?? null,
    };
  }

  serviceHeaders(): Record<string, string> {
    return {};
  }

  registrationRequest(base: Record<string, unknown>): Record<string, unknown> {
    return moodleRegistrationRequest(base);
  }

  setupHints(locale: string): string[] {
    return moodleSetupHints(locale);
  }
}
