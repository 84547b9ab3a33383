// Public surface of the fake LTI 1.3 platform (see README.md in this folder).
export { FakeLtiPlatform, type FakeLtiPlatformOptions } from './fake-lti-platform';
export type * from './fake-lti-platform.types';
export { LTI_SPEC } from './lti-spec.constants';

export { KNOWN_BAD_LAUNCHES } from './known-bad-launches.catalogue';
export { VALID_LAUNCH_VARIATIONS } from './valid-launch-variations.catalogue';
export type { LaunchCase, LaunchMutation, MutationContext } from './launch-mutation.types';

export { IdTokenBuilder, type IdTokenInput, type LtiIdTokenClaims, type LaunchPresentationInput } from './id-token.builder';
export { PlatformKeyStore, type SignOptions } from './platform-key.store';
export type { LaunchRequestSpec, PreparedLaunch, LoginInitiationParams } from './launch.preparer';

export { LtiBrowser, type LtiBrowserOptions, type BrowserRequest, type BrowserResponse } from './lti-browser.client';
export type { Embedding, StoredCookie } from './cookie.jar';
export { autoSubmitForm, type AutoSubmitForm } from './auto-submit-form.util';
export { initiateLogin, type LoginOutcome } from './login-initiation.driver';
export { launch, type LaunchOptions, type LaunchResult } from './lti-launch.driver';
export { registrationInitiation, type RegistrationInitiationOptions, type RegistrationInitiationResult } from './registration-initiation.driver';

export type { InjectedFailure, FailureTarget } from './failure.injector';
export type { CallFilter } from './call.recorder';
export type { AuthResponseRecord } from './oidc-auth.fake-handler';
export { PLATFORM_STORAGE_FRAME } from './platform-storage.fake-handler';
export type { TokenRequestRecord } from './token.fake-handler';
export type { IssuedAccessToken } from './access-token.store';
export type { StoredLineItem, LineItemInput, ReceivedScore, StoredResult } from './ags.store';
export type { AgsScore } from './ags-score.validator';
export type { DeepLinkingReturn, ContentItem } from './deep-linking.fake-handler';
export type { DynamicRegistrationRecord } from './dynamic-registration.fake-handler';
export type { ToolRegistrationRequest, ToolConfigurationClaim } from './tool-registration.validator';
