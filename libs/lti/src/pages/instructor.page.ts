import { AttendanceStatus, BookingView, OfflineSession, SESSION_FORMATS } from '@o2o/core';
import { translate } from '@o2o/i18n';
import type { LtiRosterImport } from '../entities/lti-roster-import.entity';
import { esc, formatWhen, hidden, t } from './html.util';
import { renderLayout } from './page.layout';
import { actionForm, Flash, flashBlock, navBlock, PageContext } from './page-fragments.partial';
import { PlanProposalsData, renderPlanProposals } from './plan-proposals.partial';

export interface RosterEntry {
  booking: BookingView;
  waitlistPosition: number | null;
  name: string;
  attendance: AttendanceStatus | null;
}

export interface InstructorPageData {
  courseTitle?: string;
  courseTopic?: string;
  timeZone: string;
  sessions: OfflineSession[];
  selected?: OfflineSession;
  roster: RosterEntry[];
  rosterAvailable: boolean;
  lastImport: LtiRosterImport | null;
  grades: { sent: number; queued: number; failed: number };
  plans: PlanProposalsData;
  flash?: Flash;
  now: Date;
}

function sessionRows(ctx: PageContext, data: InstructorPageData): string {
  if (!data.sessions.length) return `<p>${t(ctx.locale, 'lti.instructor.none')}</p>`;
  const rows = data.sessions.map((s) => `<tr><td>${esc(s.title)}</td><td>${esc(formatWhen(ctx.locale, s.startsAt, s.endsAt, s.timeZone))}</td>` +
    `<td>${t(ctx.locale, 'lti.instructor.counts', { confirmed: s.confirmedCount, capacity: s.capacity, waitlist: s.waitlistCount })}</td>` +
    `<td>${actionForm(ctx, 'show-session', { sessionId: s.id }, translate(ctx.locale, 'lti.instructor.bookings'),
      translate(ctx.locale, 'lti.instructor.show', { title: s.title }), true)}</td></tr>`).join('');
  return `<table><thead><tr><th scope="col">${t(ctx.locale, 'lti.field.title')}</th><th scope="col">${t(ctx.locale, 'lti.session.when')}</th>` +
    `<th scope="col">${t(ctx.locale, 'lti.instructor.status')}</th><th scope="col"><span class="visually-hidden">${t(ctx.locale, 'lti.instructor.bookings')}</span></th></tr></thead><tbody>${rows}</tbody></table>`;
}

function attendanceForm(ctx: PageContext, session: OfflineSession, entry: RosterEntry): string {
  const id = `att-${entry.booking.id}`;
  const options = (['present', 'late', 'absent'] as const)
    .map((s) => `<option value="${s}"${entry.attendance === s ? ' selected' : ''}>${t(ctx.locale, `lti.instructor.${s}`)}</option>`).join('');
  return `<form class="row" method="post" action="${esc(ctx.actionUrl('attendance'))}">` +
    hidden({ session: ctx.token, view: ctx.view, sessionId: session.id, learnerId: entry.booking.learnerId }) +
    `<label class="visually-hidden" for="${id}">${t(ctx.locale, 'lti.instructor.attendance')}</label><select id="${id}" name="status">${options}</select>` +
    `<button type="submit" aria-label="${t(ctx.locale, 'lti.instructor.mark', { name: entry.name })}">${t(ctx.locale, 'lti.instructor.save')}</button></form>`;
}

function rosterTable(ctx: PageContext, data: InstructorPageData): string {
  const s = data.selected;
  if (!s) return '';
  const rows = data.roster.map((entry) => {
    const b = entry.booking;
    const status = b.status === 'waitlisted'
      ? t(ctx.locale, 'lti.status.waitlisted', { position: entry.waitlistPosition ?? '?' }) : t(ctx.locale, `lti.status.${b.status}`);
    const mark = b.status === 'waitlisted' ? '' : attendanceForm(ctx, s, entry);
    return `<tr><td>${esc(entry.name)}</td><td>${status}</td><td>${mark}</td></tr>`;
  }).join('');
  const table = data.roster.length
    ? `<table><thead><tr><th scope="col">${t(ctx.locale, 'lti.instructor.learner')}</th><th scope="col">${t(ctx.locale, 'lti.instructor.status')}</th>` +
      `<th scope="col">${t(ctx.locale, 'lti.instructor.attendance')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${t(ctx.locale, 'lti.instructor.noBookings')}</p>`;
  return `<section aria-labelledby="h-roster-${esc(s.id)}"><h2 id="h-roster-${esc(s.id)}">${t(ctx.locale, 'lti.instructor.show', { title: s.title })}</h2>${table}</section>`;
}

function rosterSection(ctx: PageContext, data: InstructorPageData): string {
  const { locale } = ctx;
  const report = data.lastImport
    ? `<p>${t(locale, 'lti.instructor.rosterReport', {
      when: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(data.lastImport.startedAt),
      members: data.lastImport.members, added: data.lastImport.added, removed: data.lastImport.removed,
    })}</p>`
    : `<p>${t(locale, 'lti.instructor.rosterNone')}</p>`;
  const button = data.rosterAvailable
    ? actionForm(ctx, 'roster-import', {}, translate(locale, 'lti.instructor.importRoster'), undefined, true)
    : `<p>${t(locale, 'lti.instructor.rosterUnavailable')}</p>`;
  return `<section aria-labelledby="h-course-roster"><h2 id="h-course-roster">${t(locale, 'lti.instructor.roster')}</h2>${report}${button}` +
    `<p>${t(locale, 'lti.instructor.grades', data.grades)}</p></section>`;
}

function createForm(ctx: PageContext, data: InstructorPageData): string {
  const { locale } = ctx;
  const input = (name: string, label: string, attrs: string) =>
    `<label for="new-${name}">${t(locale, label)}</label><input id="new-${name}" name="${name}" ${attrs}>`;
  const formats = SESSION_FORMATS.map((f) => `<option value="${f}">${t(locale, `lti.format.${f}`)}</option>`).join('');
  return `<section aria-labelledby="h-create"><h2 id="h-create">${t(locale, 'lti.instructor.create')}</h2>` +
    `<form method="post" action="${esc(ctx.actionUrl('create-session'))}">${hidden({ session: ctx.token, view: ctx.view })}` +
    input('title', 'lti.field.title', 'required maxlength="300"') +
    input('topic', 'lti.field.topic', `required maxlength="100" value="${esc(data.courseTopic ?? '')}"`) +
    `<label for="new-format">${t(locale, 'lti.field.format')}</label><select id="new-format" name="format">${formats}</select>` +
    input('city', 'lti.field.city', 'required maxlength="100"') +
    input('startsAt', 'lti.field.startsAt', 'type="datetime-local" required') +
    input('durationMinutes', 'lti.field.duration', 'type="number" min="15" max="1440" value="120" required') +
    input('timeZone', 'lti.field.timeZone', `required value="${esc(data.timeZone)}"`) +
    input('capacity', 'lti.field.capacity', 'type="number" min="1" max="10000" value="20" required') +
    input('waitlistLimit', 'lti.field.waitlistLimit', 'type="number" min="0" max="10000" value="10" required') +
    `<p><button type="submit">${t(locale, 'lti.instructor.create')}</button></p></form></section>`;
}

/** The instructor's course page: sessions, bookings and waitlists, attendance, roster import, plan proposals, new sessions. */
export function renderInstructorPage(ctx: PageContext, data: InstructorPageData): string {
  const { locale } = ctx;
  const body = `${navBlock(ctx)}<h1>${t(locale, 'lti.instructor.title', { course: data.courseTitle ?? '' })}</h1>${flashBlock(data.flash)}` +
    `<section aria-labelledby="h-sessions"><h2 id="h-sessions" class="visually-hidden">${t(locale, 'lti.app')}</h2>${sessionRows(ctx, data)}</section>` +
    rosterTable(ctx, data) + rosterSection(ctx, data) +
    renderPlanProposals(ctx, data.plans, data.timeZone) +
    createForm(ctx, data);
  return renderLayout({ locale, nonce: ctx.nonce, title: translate(locale, 'lti.app'), body });
}
