import { randomBytes } from 'node:crypto';
import { LTI_SPEC } from './lti-spec.constants';
import type { AgsStore } from './ags.store';
import type { LaunchPresentationInput } from './id-token.builder';
import type { LaunchMutation } from './launch-mutation.types';
import type { PlatformRegistry } from './platform.registry';
import type { PlatformUrls } from './platform.urls';
import type {
  DeepLinkingSettingsInput,
  LtiContext,
  PlatformFlavour,
  PlatformInfo,
  PlatformUser,
  RegisteredTool,
  ResourceLinkInfo,
  RosterMember,
} from './fake-lti-platform.types';

/** What a test says about a launch; everything left out gets a realistic default. */
export interface LaunchRequestSpec {
  clientId?: string;
  deploymentId?: string;
  messageType?: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  user?: PlatformUser;
  roles?: string[];
  /** `null` = launch without context claim; a string = id of a (possibly new) context. */
  context?: LtiContext | string | null;
  resourceLink?: ResourceLinkInfo;
  /** Id of a line item (from `platform.ags.addLineItem`) to announce as `lineitem` in the AGS claim. */
  lineItemId?: string;
  targetLinkUri?: string;
  custom?: Record<string, string>;
  launchPresentation?: LaunchPresentationInput;
  deepLinking?: DeepLinkingSettingsInput;
  mutation?: LaunchMutation;
  /** Extra login initiation parameters (Canvas adds `lti_storage_target`). */
  extraLoginParams?: Record<string, string>;
  /** Send the login initiation somewhere else than the registered initiate_login_uri. */
  loginUrl?: string;
}

export interface LoginInitiationParams {
  iss: string;
  login_hint: string;
  target_link_uri: string;
  lti_message_hint: string;
  client_id: string;
  lti_deployment_id: string;
  [extra: string]: string;
}

/** A launch the platform is ready to authenticate: the login parameters plus the resolved launch data. */
export interface PreparedLaunch {
  id: string;
  tool: RegisteredTool;
  messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  deploymentId: string;
  user: PlatformUser;
  roles: string[];
  context?: LtiContext;
  resourceLink?: ResourceLinkInfo;
  lineItemUrl?: string;
  targetLinkUri: string;
  custom?: Record<string, string>;
  launchPresentation?: LaunchPresentationInput;
  deepLinking?: DeepLinkingSettingsInput & { deep_link_return_url: string };
  mutation: LaunchMutation;
  loginUrl: string;
  loginParams: LoginInitiationParams;
  /** Set once /auth answered for it: a platform's message hint is single-use. */
  consumed: boolean;
}

const DEFAULT_USER: PlatformUser = {
  id: 'user-learner-1',
  name: 'Lena Learner',
  given_name: 'Lena',
  family_name: 'Learner',
  email: 'lena.learner@example.edu',
  locale: 'en',
  lis_person_sourcedid: 'sis-1001',
};

/** Deep linking settings as each LMS sends them (Moodle: only resource links; Canvas: by placement). */
const DL_DEFAULTS: Record<PlatformFlavour, DeepLinkingSettingsInput> = {
  moodle: { accept_types: ['ltiResourceLink'], accept_presentation_document_targets: ['frame', 'iframe', 'window'], accept_multiple: true, auto_create: false },
  canvas: { accept_types: ['ltiResourceLink'], accept_presentation_document_targets: ['iframe', 'window'], accept_multiple: false, auto_create: true },
  generic: { accept_types: ['ltiResourceLink', 'link'], accept_presentation_document_targets: ['iframe', 'window'], accept_multiple: true, auto_create: false },
};

/** Turns a test's LaunchRequestSpec into a PreparedLaunch, creating the context and membership it implies. */
export class LaunchPreparer {
  private readonly pending = new Map<string, PreparedLaunch>();

  constructor(
    private readonly platform: PlatformInfo,
    private readonly registry: PlatformRegistry,
    private readonly urls: PlatformUrls,
    private readonly ags: AgsStore,
  ) {}

  prepare(spec: LaunchRequestSpec = {}): PreparedLaunch {
    const tool = this.registry.requireTool(spec.clientId);
    const id = randomBytes(12).toString('hex');
    const messageType = spec.messageType ?? LTI_SPEC.messageType.resourceLink;
    const context = this.resolveContext(spec.context);
    const existing = context && spec.user ? this.registry.member(context.id, spec.user.id) : undefined;
    const firstLearner = context
      ? this.registry.roster(context.id).find((m) => m.roles.includes(LTI_SPEC.role.learner) && m.status !== 'Deleted')
      : undefined;
    // `user: { id }` of an enrolled member launches as that member, with the roster's personal data.
    const fromRoster = existing ? LaunchPreparer.personOf(existing) : undefined;
    const user = spec.user ? { ...fromRoster, ...spec.user } : firstLearner ? LaunchPreparer.personOf(firstLearner) : DEFAULT_USER;
    const roles = spec.roles ?? existing?.roles ?? (!spec.user && firstLearner ? firstLearner.roles : [LTI_SPEC.role.learner]);
    // Someone launching from a course is enrolled in it; keeping the roster in step lets AGS accept their scores.
    if (context && !this.registry.member(context.id, user.id)) this.registry.upsertMember(context.id, { ...user, roles });

    const isDeepLinking = messageType === LTI_SPEC.messageType.deepLinkingRequest;
    const resourceLink = isDeepLinking ? undefined : (spec.resourceLink ?? { id: 'resource-link-1', title: 'Offline sessions' });
    const lineItemUrl = this.lineItemUrl(tool, context, resourceLink, spec.lineItemId);
    const targetLinkUri = spec.targetLinkUri ?? (isDeepLinking ? tool.deepLinkingUrl : tool.targetLinkUri);
    const deploymentId = spec.deploymentId ?? tool.deploymentIds[0];
    const extra: Record<string, string> =
      this.platform.flavour === 'canvas' ? { lti_storage_target: 'post_message_forwarding', ...spec.extraLoginParams } : { ...spec.extraLoginParams };

    const prepared: PreparedLaunch = {
      id,
      tool,
      messageType,
      deploymentId,
      user,
      roles,
      context,
      resourceLink,
      lineItemUrl,
      targetLinkUri,
      custom: spec.custom,
      launchPresentation: spec.launchPresentation,
      deepLinking: isDeepLinking
        ? { ...DL_DEFAULTS[this.platform.flavour], ...spec.deepLinking, deep_link_return_url: this.urls.deepLinkReturn(id) }
        : undefined,
      mutation: spec.mutation ?? {},
      loginUrl: spec.loginUrl ?? tool.loginUrl,
      loginParams: {
        iss: this.platform.issuer,
        login_hint: user.id,
        target_link_uri: targetLinkUri,
        lti_message_hint: id,
        client_id: tool.clientId,
        lti_deployment_id: deploymentId,
        ...extra,
      },
      consumed: false,
    };
    this.pending.set(id, prepared);
    return prepared;
  }

  byMessageHint(hint: string | undefined): PreparedLaunch | undefined {
    return hint ? this.pending.get(hint) : undefined;
  }

  private static personOf(member: RosterMember): PlatformUser {
    const { roles: _roles, status: _status, ...person } = member;
    return person;
  }

  private resolveContext(input: LaunchRequestSpec['context']): LtiContext | undefined {
    if (input === null) return undefined;
    const wanted: LtiContext = typeof input === 'string' ? { id: input } : (input ?? { id: 'course-1' });
    return this.registry.context(wanted.id) ?? this.registry.addContext(wanted);
  }

  /** An explicit line item wins; otherwise the one the LMS created for this resource link, if any. */
  private lineItemUrl(
    tool: RegisteredTool,
    context: LtiContext | undefined,
    link: ResourceLinkInfo | undefined,
    lineItemId?: string,
  ): string | undefined {
    if (!context) return undefined;
    const item = lineItemId
      ? this.ags.lineItem(context.id, lineItemId)
      : this.ags.lineItems(context.id).find((i) => link && i.resourceLinkId === link.id && (!i.clientId || i.clientId === tool.clientId));
    if (lineItemId && !item) throw new Error(`no line item ${lineItemId} in context ${context.id}`);
    return item ? this.urls.lineItem(context.id, item.id, tool) : undefined;
  }
}
