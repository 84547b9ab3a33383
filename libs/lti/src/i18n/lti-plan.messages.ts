/** Texts of the plan proposals on the instructor page (draft service plans from the planner), en and zh-CN. */
export const LTI_PLAN_MESSAGES = {
  'lti.plans.intro': {
    en: 'Draft service plans propose these sessions for the course. Nothing is created or sent until an administrator approves a plan.',
    'zh-CN': '以下是服务方案草案为本课程建议的活动。管理员批准方案之前,不会创建活动,也不会发出邀请。',
  },
  'lti.plans.caption': { en: 'Plan of {created} for {start} – {end}', 'zh-CN': '{created} 生成的方案,周期 {start} – {end}' },
  'lti.plans.expected': { en: 'Expected attendance', 'zh-CN': '预计出席' },
  'lti.plans.expectedValue': { en: '{expected} of {capacity} seats ({invited} invited)', 'zh-CN': '{capacity} 个名额中预计 {expected} 人({invited} 人受邀)' },
  'lti.plans.whole': {
    en: 'Approving opens all {total} sessions of this plan (including other courses\') and sends its invitations.',
    'zh-CN': '批准后将开设本方案的全部 {total} 场活动(含其他课程的)并发出邀请。',
  },
  'lti.plans.approve': { en: 'Approve this plan', 'zh-CN': '批准此方案' },
  'lti.plans.approveLabel': { en: 'Approve the plan of {created}', 'zh-CN': '批准 {created} 生成的方案' },
  'lti.plans.approving': { en: 'An approval of this plan is under way.', 'zh-CN': '此方案正在审批中。' },
  'lti.plans.adminOnly': { en: 'An administrator can approve this plan.', 'zh-CN': '此方案需由管理员批准。' },
  'lti.plans.approved': { en: 'Plan approved: {count} sessions created, invitations on their way.', 'zh-CN': '方案已批准:已创建 {count} 场活动,邀请正在发送。' },
};
