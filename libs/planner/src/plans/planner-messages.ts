import { registerMessages } from '@o2o/i18n';

/** Errors of service plans in both languages (keys are DomainError codes). */
export const PLANNER_MESSAGES = {
  PLAN_NOT_FOUND: { en: 'Service plan {planId} does not exist', 'zh-CN': '服务方案 {planId} 不存在' },
  PLAN_INFEASIBLE: {
    en: 'No plan satisfies the "{constraint}" constraint: {reason}',
    'zh-CN': '没有方案能满足“{constraint}”约束:{reason}',
  },
  PLAN_INPUT_INVALID: { en: '{field}: {reason}', 'zh-CN': '{field}:{reason}' },
  PLAN_SOLVER_FAILED: { en: 'The plan solver failed: {reason}', 'zh-CN': '方案求解器出错:{reason}' },
  PLAN_TIME_RANGE: { en: '{field}: must be after the start', 'zh-CN': '{field}:必须晚于开始时间' },
  PLAN_CANDIDATE_OUTSIDE_PERIOD: { en: '{field}: the candidate session must lie within the plan period', 'zh-CN': '{field}:候选场次必须在方案周期之内' },
  PLAN_CANDIDATE_DUPLICATE: { en: '{field}: candidate id "{id}" is used twice', 'zh-CN': '{field}:候选场次编号“{id}”重复' },
  PLAN_CANDIDATE_NEEDS_VENUE: { en: '{field}: give venueId, or city and capacity', 'zh-CN': '{field}:请提供 venueId,或同时提供 city 和 capacity' },
  PLAN_VENUE_NOT_FOUND: { en: '{field}: venue {venueId} does not exist', 'zh-CN': '{field}:场地 {venueId} 不存在' },
  PLAN_COURSE_NOT_FOUND: { en: '{field}: course {courseId} does not exist', 'zh-CN': '{field}:课程 {courseId} 不存在' },
  PLAN_LEARNER_NOT_FOUND: { en: '{field}: learner {learnerId} does not exist', 'zh-CN': '{field}:学员 {learnerId} 不存在' },
  PLAN_NO_LEARNERS: { en: 'learnerIds: there are no eligible learners', 'zh-CN': 'learnerIds:没有符合条件的学员' },
  PLAN_APPROVAL_IN_PROGRESS: { en: 'Plan {planId} is being approved right now', 'zh-CN': '方案 {planId} 正在审批中' },
};

let registered = false;

export function registerPlannerMessages(): void {
  if (registered) return;
  registered = true;
  registerMessages(PLANNER_MESSAGES);
}
