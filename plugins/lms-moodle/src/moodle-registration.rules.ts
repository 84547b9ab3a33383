/** Moodle's LTI_URL_DOMAIN_REGEX: host[:port], scheme and a leading "www." removed. */
export function moodleDomainOf(url: string): string {
  const match = /(?:https?:\/\/)?(?:www\.)?([^/]+)(?:\/|$)/i.exec(url);
  return (match?.[1] ?? url).toLowerCase();
}

const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';

/**
 * Moodle's Dynamic Registration rules: it refuses the registration unless lti-tool-configuration.domain is the domain
 * of target_link_uri (mod/lti/openid-registration.php, "domain_targetlinkuri_mismatch"), and it maps the requested
 * claims to its "share name / share e-mail" switches, so asking for names only keeps e-mail addresses out.
 */
export function moodleRegistrationRequest(base: Record<string, unknown>): Record<string, unknown> {
  const config = (base[TOOL_CONFIGURATION] ?? {}) as Record<string, unknown>;
  const target = String(config.target_link_uri ?? '');
  const claims = Array.isArray(config.claims) ? (config.claims as string[]).filter((c) => c !== 'email') : undefined;
  return { ...base, [TOOL_CONFIGURATION]: { ...config, domain: moodleDomainOf(target), ...(claims ? { claims } : {}) } };
}

const HINTS: Record<'en' | 'zh-CN', string[]> = {
  en: [
    'Site administration → Plugins → Activity modules → External tool → Manage tools: paste the dynamic registration URL into "Tool URL" and choose "Add LTI Advantage", then activate the pending tool in Moodle and here.',
    'Services: set "IMS LTI Assignment and Grade Services" to "Use this service for grade sync and column management" so every session gets its own attendance column. With "grade sync only", attendance still reaches the gradebook for sessions added with "Add to course" and an attendance column.',
    'Set "IMS LTI Names and Role Provisioning" to "Use this service to retrieve members\' information as per privacy settings" for roster imports.',
    'Privacy: share the launcher\'s name with the tool (instructors see names on attendance lists); e-mail addresses are not needed.',
  ],
  'zh-CN': [
    '网站管理 → 插件 → 活动模块 → 外部工具 → 管理工具:将动态注册地址粘贴到“工具 URL”,点击“添加 LTI Advantage”,然后在 Moodle 和本系统中启用该工具。',
    '服务:将“IMS LTI 作业与成绩服务”设为“使用此服务进行成绩同步和成绩列管理”,这样每个活动都有自己的出勤成绩列。若设为“仅成绩同步”,通过“添加到课程”并勾选出勤成绩列的活动仍可同步成绩。',
    '将“IMS LTI 姓名与角色服务”设为“根据隐私设置获取成员信息”,以便导入课程名单。',
    '隐私:向工具共享启动者姓名(教师在出勤名单中可看到姓名);无需共享电子邮箱。',
  ],
};

export function moodleSetupHints(locale: string): string[] {
  return HINTS[locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'];
}
