/** Error texts a person reads, by stable code, in both languages. `{name}` placeholders are filled in. */
export const ERROR_MESSAGES: Record<string, { en: string; 'zh-CN': string }> = {
  UNAUTHORIZED: { en: 'A valid admin bearer token is required', 'zh-CN': '需要有效的管理员令牌(Bearer)' },
  NOT_FOUND: { en: 'Not found', 'zh-CN': '未找到' },
  ROUTE_NOT_FOUND: { en: 'No route {method} {path}', 'zh-CN': '没有路由 {method} {path}' },
  VALIDATION_FAILED: { en: 'Validation failed', 'zh-CN': '输入校验失败' },
  MALFORMED_JSON: { en: 'The request body is not valid JSON', 'zh-CN': '请求体不是有效的 JSON' },
  INTERNAL: { en: 'Internal error (reference {reference})', 'zh-CN': '内部错误(参考编号 {reference})' },
  TENANT_NOT_FOUND: { en: 'Tenant "{tenant}" does not exist', 'zh-CN': '租户“{tenant}”不存在' },
  SESSION_NOT_FOUND: { en: 'Offline session {sessionId} does not exist', 'zh-CN': '线下场次 {sessionId} 不存在' },
  BOOKING_NOT_FOUND: { en: 'Booking {bookingId} does not exist', 'zh-CN': '预约 {bookingId} 不存在' },
  LEARNER_NOT_FOUND: { en: 'learnerId: learner {learnerId} does not exist', 'zh-CN': 'learnerId:学员 {learnerId} 不存在' },
  COURSE_NOT_FOUND: { en: 'courseId: course {courseId} does not exist', 'zh-CN': 'courseId:课程 {courseId} 不存在' },
  VENUE_NOT_FOUND: { en: 'venueId: venue {venueId} does not exist', 'zh-CN': 'venueId:场地 {venueId} 不存在' },
  SESSION_CANCELLED: { en: 'The session has been cancelled', 'zh-CN': '该场次已取消' },
  SESSION_NOT_SCHEDULED: { en: 'The session is {status} and can no longer change', 'zh-CN': '该场次状态为 {status},无法再修改' },
  BOOKING_CLOSED: {
    en: 'Bookings closed {minutes} minutes before the start ({closedAt})',
    'zh-CN': '预约已于开始前 {minutes} 分钟截止({closedAt})',
  },
  WAITLIST_FULL: { en: 'The session and its waitlist are full', 'zh-CN': '该场次及候补名单均已满' },
  SESSION_STARTED: { en: 'The session has already started', 'zh-CN': '该场次已经开始' },
  BOOKING_FINISHED: { en: 'The booking is {status} and can no longer be cancelled', 'zh-CN': '该预约状态为 {status},无法取消' },
  NO_CONFIRMED_BOOKING: {
    en: 'learnerId: learner {learnerId} has no confirmed booking for this session',
    'zh-CN': 'learnerId:学员 {learnerId} 在该场次没有已确认的预约',
  },
  ATTENDANCE_TOO_EARLY: {
    en: 'Attendance can be recorded from {opensAt}',
    'zh-CN': '签到记录从 {opensAt} 起才能填写',
  },
  FEEDBACK_NOT_ALLOWED: {
    en: 'Feedback needs an attended booking; this one is {status}',
    'zh-CN': '只有已出席的预约才能评价;当前状态为 {status}',
  },
  CAPACITY_BELOW_CONFIRMED: {
    en: 'capacity: cannot be lower than the {confirmed} confirmed bookings',
    'zh-CN': 'capacity:不能低于已确认的 {confirmed} 个预约',
  },
  INVALID_TIME_RANGE: { en: 'endsAt: must be after startsAt', 'zh-CN': 'endsAt:必须晚于 startsAt' },
  INVALID_TIME_ZONE: { en: 'timeZone: "{timeZone}" is not an IANA time zone', 'zh-CN': 'timeZone:“{timeZone}”不是有效的 IANA 时区' },
  LINK_CODE_INVALID: { en: 'code: this link code is unknown, used or expired', 'zh-CN': 'code:该绑定码无效、已使用或已过期' },
  JOB_NOT_FOUND: { en: 'Job {jobId} does not exist', 'zh-CN': '任务 {jobId} 不存在' },
};
