import { Injectable } from '@nestjs/common';
import { LMS_PLUGIN_CLAIM, LmsPlugin, LtiLmsExtension, NormalizedLaunchClaims, ToolEndpoints } from '@o2o/plugin-sdk';
import { canvasDeveloperKeyConfiguration, canvasRegistrationRequest } from './canvas-configuration.builder';

/** Every Instructure-hosted Canvas uses one of these issuers, whatever the school's own domain. */
export const CANVAS_ISSUERS = ['https://canvas.instructure.com', 'https://canvas.beta.instructure.com', 'https://canvas.test.instructure.com'];

const ROLE_PATTERNS: [RegExp, NormalizedLaunchClaims['roles'][number]][] = [
  [/(^|[#/])(Administrator|SysAdmin|AccountAdmin)$/i, 'administrator'],
  [/(^|[#/])(Instructor|TeachingAssistant|ContentDeveloper|Designer)$/i, 'instructor'],
  [/(^|[#/])(Learner|Student)$/i, 'learner'],
];

const HINTS: Record<'en' | 'zh-CN', string[]> = {
  en: [
    'Admin → Developer Keys → + Developer Key → + LTI Registration: paste the dynamic registration URL, or + LTI Key → Method "Enter URL" with the Canvas configuration URL.',
    'Switch the key ON. One Canvas issuer serves every school, so each developer key is its own registration here (issuer + client ID).',
    'Install it with Settings → Apps → + App → By Client ID; add the deployment ID Canvas shows to this registration if it was registered by hand.',
    'The tool asks for the "name_only" privacy level: names for attendance lists, no e-mail addresses.',
  ],
  'zh-CN': [
    '管理员 → 开发者密钥 → + 开发者密钥 → + LTI 注册:粘贴动态注册地址;或 + LTI 密钥 → 方法“输入 URL”,填写 Canvas 配置地址。',
    '将密钥设为“开启”。所有学校共用同一个 Canvas 签发者,因此每个开发者密钥在本系统中都是独立的注册(签发者 + 客户端 ID)。',
    '通过 设置 → 应用 → + 应用 → 按客户端 ID 安装;若为手动注册,请把 Canvas 显示的部署 ID 添加到此注册。',
    '工具请求“name_only”隐私级别:出勤名单显示姓名,不需要电子邮箱。',
  ],
};

/**
 * Canvas: one issuer for all schools (many client ids per issuer), the developer-key JSON configuration, a privacy
 * level and placements in Dynamic Registration, a User-Agent on every API call (Canvas's API policy), and its own
 * role names. Its LTI methods are the SDK's LtiLmsExtension.
 */
@Injectable()
export class CanvasLmsPlugin implements LmsPlugin, LtiLmsExtension {
  readonly id = 'lms-canvas';
  readonly displayName = 'Canvas';

  recognises(hint: { issuer?: string; productFamilyCode?: string }): boolean {
    return hint.productFamilyCode === 'canvas' || (!!hint.issuer && CANVAS_ISSUERS.includes(hint.issuer.replace(/\/$/, '')));
  }

  normalizeClaims(idToken: Record<string, unknown>): NormalizedLaunchClaims {
    const rawRoles = (idToken[LMS_PLUGIN_CLAIM.roles] as unknown[] | undefined) ?? [];
    const roles = new Set<NormalizedLaunchClaims['roles'][number]>();
    for (const role of rawRoles) {
      if (typeof role !== 'string') continue;
      for (const [pattern, normalized] of ROLE_PATTERNS) if (pattern.test(role)) roles.add(normalized);
    }
    const context = idToken[LMS_PLUGIN_CLAIM.context] as { id?: string; title?: string } | undefined;
    const presentation = idToken[LMS_PLUGIN_CLAIM.launchPresentation] as { locale?: string } | undefined;
    return {
      roles: [...roles],
      // Canvas sends BCP 47 with a script ("zh-Hans"); the tool maps it to its own locales.
      locale: presentation?.locale ?? (typeof idToken.locale === 'string' ? idToken.locale : null),
      courseId: context?.id ?? null,
      courseTitle: context?.title ?? null,
    };
  }

  serviceHeaders(): Record<string, string> {
    return { 'User-Agent': 'o2o-bridge/0.1 (LTI 1.3 tool; Canvas API client)' };
  }

  registrationRequest(base: Record<string, unknown>, context: { tool: ToolEndpoints }): Record<string, unknown> {
    return canvasRegistrationRequest(base, context.tool);
  }

  /** Canvas serves its configuration from the school's domain under a shared issuer: the generic issuer check does not apply. */
  checkPlatformConfiguration(configuration: Record<string, unknown>, configurationUrl: string): string[] | undefined {
    const issuer = String(configuration.issuer ?? '');
    if (!CANVAS_ISSUERS.includes(issuer.replace(/\/$/, ''))) return undefined;
    return configurationUrl.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(configurationUrl)
      ? [] : [`Canvas configuration must come over https (${configurationUrl})`];
  }

  configurationDocuments(tool: ToolEndpoints): Record<string, Record<string, unknown>> {
    return { 'canvas.json': canvasDeveloperKeyConfiguration(tool) };
  }

  setupHints(locale: string): string[] {
    return HINTS[locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'];
  }
}
