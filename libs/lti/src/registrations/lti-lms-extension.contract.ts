// The LMS plugins' LTI extension point is part of the plugin SDK, which plugins import; libs/lti uses it from there.
export { ltiExtensionOf } from '@o2o/plugin-sdk';
export type { LtiLmsExtension, ToolEndpoints } from '@o2o/plugin-sdk';
