/**
 * Why a launch, login or page action was refused, as a person inside the LMS reads it (and the REST API's LTI
 * errors). Codes are stable: tests and support references use them.
 */
export const LTI_ERROR_MESSAGES: Record<string, { en: string; 'zh-CN': string }> = {
  LTI_REGISTRATION_EXISTS: { en: 'clientId: {issuer} already has a registration for client {clientId}', 'zh-CN': 'clientId:{issuer} 已有客户端 {clientId} 的注册' },
  LTI_REGISTRATION_NOT_FOUND: { en: 'LTI registration {id} does not exist', 'zh-CN': 'LTI 注册 {id} 不存在' },
  LTI_DEPLOYMENT_EXISTS: { en: 'deploymentId: deployment {deploymentId} is already registered', 'zh-CN': 'deploymentId:部署 {deploymentId} 已注册' },
  LOGIN_PARAMS_MISSING: {
    en: 'The LMS did not send the login parameters (iss, login_hint, target_link_uri).',
    'zh-CN': '学习平台没有发送登录参数(iss、login_hint、target_link_uri)。',
  },
  LOGIN_CLIENT_ID_REQUIRED: {
    en: 'Several tools are registered for this LMS; it must send client_id with the login.',
    'zh-CN': '该学习平台注册了多个工具,登录时必须提供 client_id。',
  },
  PLATFORM_UNKNOWN: {
    en: 'This LMS (or this client id) is not registered with o2o-bridge.',
    'zh-CN': '该学习平台(或客户端 ID)尚未在 o2o-bridge 注册。',
  },
  PLATFORM_INACTIVE: {
    en: 'This LMS is registered but not activated yet. Ask your o2o-bridge administrator to activate it.',
    'zh-CN': '该学习平台已注册但尚未启用,请联系 o2o-bridge 管理员启用。',
  },
  DEPLOYMENT_MISSING: { en: 'The launch does not say which deployment it comes from.', 'zh-CN': '启动请求未说明来自哪个部署。' },
  DEPLOYMENT_UNKNOWN: {
    en: 'This deployment of the tool is not registered. Ask your administrator to add deployment {deploymentId}.',
    'zh-CN': '该工具部署尚未注册,请管理员添加部署 {deploymentId}。',
  },
  TARGET_LINK_URI_FOREIGN: { en: 'The launch points outside this tool.', 'zh-CN': '启动地址不属于本工具。' },
  TARGET_LINK_URI_MISSING: { en: 'The launch does not say where it should open.', 'zh-CN': '启动请求缺少目标地址。' },
  LAUNCH_NEEDS_LMS: {
    en: 'Open this tool from your course in the LMS.',
    'zh-CN': '请从学习平台中的课程打开本工具。',
  },
  PLATFORM_REFUSED: { en: 'The LMS refused the sign-in: {reason}', 'zh-CN': '学习平台拒绝了登录:{reason}' },
  TOKEN_MALFORMED: { en: 'The launch message is not a valid signed token.', 'zh-CN': '启动消息不是有效的签名令牌。' },
  TOKEN_ALG: { en: 'The launch message is not signed with RS256.', 'zh-CN': '启动消息未使用 RS256 签名。' },
  TOKEN_NO_KID: { en: 'The launch message does not name its signing key.', 'zh-CN': '启动消息未注明签名密钥。' },
  TOKEN_UNKNOWN_KID: { en: "The launch message is signed with a key the LMS does not publish.", 'zh-CN': '启动消息使用了学习平台未公布的密钥签名。' },
  TOKEN_SIGNATURE: { en: 'The signature of the launch message is not valid.', 'zh-CN': '启动消息的签名无效。' },
  TOKEN_EXPIRED: { en: 'The launch message has expired. Open the tool again from your course.', 'zh-CN': '启动消息已过期,请从课程中重新打开。' },
  TOKEN_TOO_OLD: { en: 'The launch message is too old. Open the tool again from your course.', 'zh-CN': '启动消息太旧,请从课程中重新打开。' },
  TOKEN_IAT_FUTURE: { en: 'The launch message was issued in the future; check the LMS clock.', 'zh-CN': '启动消息的签发时间在未来,请检查学习平台的时钟。' },
  TOKEN_AZP: { en: 'The launch message names several audiences but not this tool as the authorized party.', 'zh-CN': '启动消息包含多个受众,但未将本工具列为授权方(azp)。' },
  MESSAGE_TYPE: { en: 'This kind of LTI message is not supported.', 'zh-CN': '不支持这种 LTI 消息类型。' },
  LTI_VERSION: { en: 'Only LTI 1.3.0 launches are supported.', 'zh-CN': '仅支持 LTI 1.3.0 启动。' },
  ROLES_MISSING: { en: 'The launch does not include your role.', 'zh-CN': '启动请求不包含你的角色。' },
  SUB_MISSING: { en: 'The launch does not identify you.', 'zh-CN': '启动请求无法识别你的身份。' },
  RESOURCE_LINK_MISSING: { en: 'The launch does not identify the course link it comes from.', 'zh-CN': '启动请求缺少课程链接标识。' },
  NONCE_MISSING: { en: 'The launch message has no nonce.', 'zh-CN': '启动消息缺少 nonce。' },
  NONCE_MISMATCH: {
    en: 'This launch does not belong to the sign-in that started it (nonce or target changed).',
    'zh-CN': '该启动与发起它的登录不匹配(nonce 或目标地址被修改)。',
  },
  NONCE_EXPIRED: { en: 'The sign-in took too long. Open the tool again from your course.', 'zh-CN': '登录耗时过长,请从课程中重新打开。' },
  NONCE_REPLAYED: { en: 'This launch was already used. Open the tool again from your course.', 'zh-CN': '该启动已被使用,请从课程中重新打开。' },
  STATE_COOKIE_MISSING: {
    en: 'Your browser did not keep the sign-in cookie of this tool (third-party cookies are probably blocked inside the course page).',
    'zh-CN': '浏览器没有保留本工具的登录 Cookie(课程页面中的第三方 Cookie 可能被阻止了)。',
  },
  STATE_MISMATCH: { en: 'The sign-in state does not match.', 'zh-CN': '登录状态不匹配。' },
  STORAGE_LAUNCH_FOREIGN: {
    en: 'This sign-in step must come from the tool\'s own page inside the course.',
    'zh-CN': '此登录步骤必须来自课程页面中本工具自己的页面。',
  },
  LAUNCH_INVALID: { en: 'The launch could not be verified ({reason}).', 'zh-CN': '无法验证启动请求({reason})。' },
  SESSION_EXPIRED: { en: 'Your session with this tool has ended. Open it again from your course.', 'zh-CN': '本工具的会话已结束,请从课程中重新打开。' },
  NOT_ALLOWED: { en: 'Your role in this course does not allow this.', 'zh-CN': '你在本课程中的角色无权执行此操作。' },
  DEEP_LINKING_NOT_ALLOWED: { en: 'Only instructors can add content to a course.', 'zh-CN': '只有教师可以向课程添加内容。' },
  PAGE_NOT_FOUND: { en: 'There is no such page in this tool.', 'zh-CN': '本工具中没有这个页面。' },
  LTI_INTERNAL: { en: 'Something went wrong on our side.', 'zh-CN': '我们这边出了点问题。' },
  REGISTRATION_FAILED: { en: 'Registration with the LMS failed: {reason}', 'zh-CN': '向学习平台注册失败:{reason}' },
  INVALID_INPUT: { en: '{field}: {reason}', 'zh-CN': '{field}:{reason}' },
};
