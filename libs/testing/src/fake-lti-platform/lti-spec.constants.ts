/**
 * Names fixed by the 1EdTech specifications (LTI 1.3 Core, Security Framework 1.0, Deep Linking 2.0,
 * NRPS 2.0, AGS 2.0, Dynamic Registration 1.0). Kept in one place so a typo in a claim URI shows up
 * as a failing test of the fake, not as a tool that silently ignores a claim.
 */
const LTI = 'https://purl.imsglobal.org/spec/lti/claim';
const DL = 'https://purl.imsglobal.org/spec/lti-dl/claim';
const AGS_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope';
const LIS = 'http://purl.imsglobal.org/vocab/lis/v2';

export const LTI_SPEC = {
  version: '1.3.0',
  messageType: {
    resourceLink: 'LtiResourceLinkRequest',
    deepLinkingRequest: 'LtiDeepLinkingRequest',
    deepLinkingResponse: 'LtiDeepLinkingResponse',
  },
  claim: {
    messageType: `${LTI}/message_type`,
    version: `${LTI}/version`,
    deploymentId: `${LTI}/deployment_id`,
    targetLinkUri: `${LTI}/target_link_uri`,
    resourceLink: `${LTI}/resource_link`,
    roles: `${LTI}/roles`,
    roleScopeMentor: `${LTI}/role_scope_mentor`,
    context: `${LTI}/context`,
    launchPresentation: `${LTI}/launch_presentation`,
    lis: `${LTI}/lis`,
    custom: `${LTI}/custom`,
    toolPlatform: `${LTI}/tool_platform`,
    nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
    agsEndpoint: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
    dlSettings: `${DL}/deep_linking_settings`,
    dlContentItems: `${DL}/content_items`,
    dlData: `${DL}/data`,
    dlMsg: `${DL}/msg`,
    dlLog: `${DL}/log`,
    dlErrorMsg: `${DL}/errormsg`,
    dlErrorLog: `${DL}/errorlog`,
  },
  scope: {
    agsLineItem: `${AGS_SCOPE}/lineitem`,
    agsLineItemReadonly: `${AGS_SCOPE}/lineitem.readonly`,
    agsResultReadonly: `${AGS_SCOPE}/result.readonly`,
    agsScore: `${AGS_SCOPE}/score`,
    nrpsMembershipReadonly: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
  },
  mediaType: {
    membershipContainer: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
    lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
    lineItemContainer: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
    score: 'application/vnd.ims.lis.v1.score+json',
    resultContainer: 'application/vnd.ims.lis.v2.resultcontainer+json',
  },
  role: {
    instructor: `${LIS}/membership#Instructor`,
    learner: `${LIS}/membership#Learner`,
    mentor: `${LIS}/membership#Mentor`,
    contentDeveloper: `${LIS}/membership#ContentDeveloper`,
    teachingAssistant: `${LIS}/membership/Instructor#TeachingAssistant`,
    institutionStudent: `${LIS}/institution/person#Student`,
    institutionInstructor: `${LIS}/institution/person#Instructor`,
    institutionAdministrator: `${LIS}/institution/person#Administrator`,
    systemAdministrator: `${LIS}/system/person#Administrator`,
  },
  contextType: {
    courseOffering: `${LIS}/course#CourseOffering`,
    courseSection: `${LIS}/course#CourseSection`,
    group: `${LIS}/course#Group`,
  },
  oauth: {
    clientAssertionType: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  },
  registration: {
    platformConfiguration: 'https://purl.imsglobal.org/spec/lti-platform-configuration',
    toolConfiguration: 'https://purl.imsglobal.org/spec/lti-tool-configuration',
    canvasPrivacyLevel: 'https://canvas.instructure.com/lti/privacy_level',
    canvasToolId: 'https://canvas.instructure.com/lti/tool_id',
    canvasAccountName: 'https://canvas.instructure.com/lti/account_name',
  },
  ags: {
    activityProgress: ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'],
    gradingProgress: ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'],
  },
} as const;
