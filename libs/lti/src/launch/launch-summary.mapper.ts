import { Locale, resolveLocale } from '@o2o/i18n';
import type { LmsPlugin } from '@o2o/plugin-sdk';
import type { LtiView } from '../entities/lti-session.entity';
import { normalizeLtiClaims } from './generic-claims.normalizer';
import { CLAIM } from './lti-claims.constants';

export type LaunchRole = 'learner' | 'instructor' | 'administrator';

/** What the rest of the tool needs from a verified launch, LMS differences already normalised. */
export interface LaunchSummary {
  messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  sub: string;
  roles: LaunchRole[];
  locale: Locale;
  displayName?: string;
  contextId?: string;
  courseTitle?: string;
  contextLabel?: string;
  resourceLinkId?: string;
  returnUrl?: string;
  custom: Record<string, string>;
  nrpsUrl?: string;
  lineItemsUrl?: string;
  lineItemUrl?: string;
  agsScopes: string[];
  deepLinking?: { returnUrl: string; data?: string; acceptTypes: string[]; acceptMultiple: boolean; acceptLineItem: boolean };
  productFamilyCode?: string;
}

/** The page a launch opens: administrators' first, then instructors', else the learner page (least privilege). */
export function viewFor(summary: LaunchSummary): LtiView {
  if (summary.messageType === 'LtiDeepLinkingRequest') return 'deep-linking';
  if (summary.roles.includes('administrator')) return 'administrator';
  if (summary.roles.includes('instructor')) return 'instructor';
  return 'learner';
}

export function summarizeLaunch(claims: Record<string, unknown>, plugin: LmsPlugin | undefined, fallbackLocale: Locale): LaunchSummary {
  const normalized = plugin ? plugin.normalizeClaims(claims) : normalizeLtiClaims(claims);
  const context = claims[CLAIM.context] as { id?: string; title?: string; label?: string } | undefined;
  const presentation = claims[CLAIM.launchPresentation] as { return_url?: string } | undefined;
  const ags = claims[CLAIM.ags] as { scope?: string[]; lineitems?: string; lineitem?: string } | undefined;
  const nrps = claims[CLAIM.nrps] as { context_memberships_url?: string } | undefined;
  const dl = claims[CLAIM.dlSettings] as Record<string, unknown> | undefined;
  const platform = claims[CLAIM.toolPlatform] as { product_family_code?: string } | undefined;
  const name = [claims.name, [claims.given_name, claims.family_name].filter(Boolean).join(' ')].find((n) => typeof n === 'string' && n.trim());
  return {
    messageType: claims[CLAIM.messageType] as LaunchSummary['messageType'],
    sub: String(claims.sub),
    roles: normalized.roles,
    locale: resolveLocale(normalized.locale, fallbackLocale),
    displayName: name as string | undefined,
    contextId: normalized.courseId ?? undefined,
    courseTitle: normalized.courseTitle ?? context?.label ?? undefined,
    contextLabel: context?.label,
    resourceLinkId: (claims[CLAIM.resourceLink] as { id?: string } | undefined)?.id,
    returnUrl: presentation?.return_url,
    custom: (claims[CLAIM.custom] as Record<string, string> | undefined) ?? {},
    nrpsUrl: nrps?.context_memberships_url,
    lineItemsUrl: ags?.lineitems,
    lineItemUrl: ags?.lineitem,
    agsScopes: ags?.scope ?? [],
    deepLinking: dl ? {
      returnUrl: String(dl.deep_link_return_url),
      data: typeof dl.data === 'string' ? dl.data : undefined,
      acceptTypes: Array.isArray(dl.accept_types) ? (dl.accept_types as string[]) : ['ltiResourceLink'],
      acceptMultiple: dl.accept_multiple !== false && dl.accept_multiple !== 'false',
      acceptLineItem: dl.accept_lineitem !== false && dl.accept_lineitem !== 'false',
    } : undefined,
    productFamilyCode: platform?.product_family_code,
  };
}
