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
  // Online-data doors (libs/ingest)
  INGEST_AUTH_REQUIRED: { en: 'Valid {scheme} credentials of this tenant are required', 'zh-CN': '需要该租户有效的 {scheme} 凭据' },
  INGEST_CREDENTIAL_NOT_FOUND: { en: 'Ingest credential {credentialId} does not exist', 'zh-CN': '数据接入凭据 {credentialId} 不存在' },
  XAPI_VERSION_REQUIRED: {
    en: 'X-Experience-API-Version: the header is required (1.0.x)',
    'zh-CN': 'X-Experience-API-Version:必须提供该请求头(1.0.x)',
  },
  XAPI_VERSION_UNSUPPORTED: {
    en: 'X-Experience-API-Version: version {version} is not supported; use 1.0.x',
    'zh-CN': 'X-Experience-API-Version:不支持版本 {version},请使用 1.0.x',
  },
  XAPI_STATEMENTS_INVALID: {
    en: '{count} problem(s) in the statements; none of them was stored',
    'zh-CN': '语句中有 {count} 处问题;所有语句均未保存',
  },
  XAPI_STATEMENT_CONFLICT: {
    en: 'id: statement {statementId} already exists with different content',
    'zh-CN': 'id:语句 {statementId} 已存在且内容不同',
  },
  XAPI_STATEMENT_NOT_FOUND: { en: 'Statement {statementId} does not exist', 'zh-CN': '语句 {statementId} 不存在' },
  XAPI_STATEMENT_ID_REQUIRED: { en: 'statementId: a UUID query parameter is required', 'zh-CN': 'statementId:必须提供 UUID 格式的查询参数' },
  XAPI_STATEMENT_ID_MISMATCH: {
    en: 'statement.id: {id} differs from the statementId parameter {statementId}',
    'zh-CN': 'statement.id:{id} 与 statementId 参数 {statementId} 不一致',
  },
  XAPI_QUERY_UNSUPPORTED: {
    en: 'This LRS returns single statements only: give statementId or voidedStatementId (optionally format, attachments)',
    'zh-CN': '本 LRS 仅支持按单条语句查询:请提供 statementId 或 voidedStatementId(可选 format、attachments)',
  },
  CALIPER_ENVELOPE_INVALID: {
    en: '{count} problem(s) in the Caliper envelope; nothing was stored',
    'zh-CN': 'Caliper 信封中有 {count} 处问题;未保存任何数据',
  },
  CALIPER_CONTENT_TYPE: {
    en: 'Send the envelope as JSON (Content-Type application/json), not {contentType}',
    'zh-CN': '请以 JSON 发送信封(Content-Type 为 application/json),而不是 {contentType}',
  },
  PAYLOAD_TOO_LARGE: { en: 'The request body is larger than {limit}', 'zh-CN': '请求体超过 {limit}' },
  CSV_CONTENT_TYPE: {
    en: 'Send the CSV file itself as the request body with Content-Type text/csv, not {contentType}',
    'zh-CN': '请以 CSV 文件本身作为请求体,Content-Type 为 text/csv,而不是 {contentType}',
  },
  CSV_HEADER_INVALID: {
    en: 'header: the CSV header does not match the documented columns ({detail})',
    'zh-CN': 'header:CSV 表头与文档规定的列不符({detail})',
  },
  LEARNER_AGGREGATE_NOT_FOUND: {
    en: 'learnerId: learner {learnerId} has no learning events yet',
    'zh-CN': 'learnerId:学员 {learnerId} 尚无学习事件',
  },
};
