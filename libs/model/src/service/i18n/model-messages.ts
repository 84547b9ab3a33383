import { registerMessages } from '@o2o/i18n';

/** Errors of the model service in both languages (keys are DomainError codes). */
export const MODEL_MESSAGES = {
  MODEL_TOO_LITTLE_DATA: {
    en: 'Too little data to train: {found} recorded offline outcomes (attendance or no-show), at least {required} needed; the live model stays in place',
    'zh-CN': '数据不足,无法训练:已记录的线下结果(出勤或缺席)为 {found} 条,至少需要 {required} 条;当前模型保持不变',
  },
  MODEL_NOT_ACTIVE: {
    en: 'No model version is active for this tenant yet; suggestions use the catalogue ranking',
    'zh-CN': '该租户尚无启用的模型版本;推荐暂用目录排序',
  },
  MODEL_VERSION_NOT_FOUND: { en: 'Model version {modelVersionId} does not exist', 'zh-CN': '模型版本 {modelVersionId} 不存在' },
};

let registered = false;

/** Idempotent: several app instances in one process (tests) register once. */
export function registerModelMessages(): void {
  if (registered) return;
  registered = true;
  registerMessages(MODEL_MESSAGES);
}
