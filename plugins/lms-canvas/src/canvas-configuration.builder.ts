import type { ToolEndpoints } from '@o2o/plugin-sdk';

const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const PRIVACY = 'https://canvas.instructure.com/lti/privacy_level';
/** Names for attendance lists, no e-mail: Canvas defaults dynamically registered tools to anonymous otherwise. */
export const CANVAS_PRIVACY_LEVEL = 'name_only';
export const CANVAS_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
];
const LINK_PLACEMENTS = ['course_navigation'];
const SELECTION_PLACEMENTS = ['link_selection', 'assignment_selection', 'editor_button'];

/** Canvas's developer-key JSON configuration (Developer Keys → + LTI Key → Method: Enter URL → /lti/canvas.json). */
export function canvasDeveloperKeyConfiguration(tool: ToolEndpoints): Record<string, unknown> {
  const icon = `${tool.base}/icon.svg`;
  const selection = (placement: string) => ({
    placement, message_type: 'LtiDeepLinkingRequest', target_link_uri: tool.launch, text: 'Offline sessions', icon_url: icon,
    selection_width: 800, selection_height: 600,
  });
  return {
    title: tool.name,
    description: tool.description,
    oidc_initiation_url: tool.login,
    target_link_uri: tool.launch,
    public_jwk_url: tool.keys,
    scopes: CANVAS_SCOPES,
    extensions: [{
      platform: 'canvas.instructure.com',
      domain: tool.domain,
      tool_id: 'o2o-bridge',
      privacy_level: CANVAS_PRIVACY_LEVEL,
      settings: {
        text: 'Offline sessions',
        icon_url: icon,
        placements: [
          { placement: 'course_navigation', message_type: 'LtiResourceLinkRequest', target_link_uri: tool.launch, text: 'Offline sessions', default: 'enabled' },
          ...SELECTION_PLACEMENTS.map(selection),
        ],
      },
    }],
    custom_fields: { canvas_course_id: '$Canvas.course.id' },
  };
}

/** Canvas's extensions of the Dynamic Registration request: privacy level, placements per message, tool id. */
export function canvasRegistrationRequest(base: Record<string, unknown>, tool: ToolEndpoints): Record<string, unknown> {
  const config = (base[TOOL_CONFIGURATION] ?? {}) as { messages?: { type: string }[] } & Record<string, unknown>;
  const messages = (config.messages ?? []).map((m) => ({
    ...m,
    placements: m.type === 'LtiDeepLinkingRequest' ? SELECTION_PLACEMENTS : LINK_PLACEMENTS,
    ...(m.type === 'LtiDeepLinkingRequest' ? { icon_uri: `${tool.base}/icon.svg` } : {}),
  }));
  return {
    ...base,
    [TOOL_CONFIGURATION]: { ...config, messages, [PRIVACY]: CANVAS_PRIVACY_LEVEL, 'https://canvas.instructure.com/lti/tool_id': 'o2o-bridge' },
  };
}
