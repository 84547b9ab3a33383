import type { CoursePlanProposal } from '@o2o/core';
import { translate } from '@o2o/i18n';
import { esc, formatWhen, t } from './html.util';
import { actionForm, PageContext } from './page-fragments.partial';

export interface PlanProposalsData {
  proposals: CoursePlanProposal[];
  /** The reader is an administrator and the planner can approve. */
  canApprove: boolean;
}

function day(locale: PageContext['locale'], date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

function proposalBlock(ctx: PageContext, p: CoursePlanProposal, data: PlanProposalsData, timeZone: string): string {
  const { locale } = ctx;
  const created = day(locale, p.createdAt, timeZone);
  const rows = p.sessions.map((s) => `<tr data-candidate="${esc(s.candidateId)}"><td>${esc(s.title)}</td><td>${esc(s.topic)}</td>` +
    `<td>${esc(s.city)}</td><td>${esc(formatWhen(locale, s.startsAt, s.endsAt, s.timeZone))}</td>` +
    `<td>${t(locale, 'lti.plans.expectedValue', { expected: s.expectedAttendance.toFixed(1), capacity: s.capacity, invited: s.invitations })}</td></tr>`).join('');
  const caption = t(locale, 'lti.plans.caption', { created, start: day(locale, p.periodStart, timeZone), end: day(locale, p.periodEnd, timeZone) });
  const table = `<table data-plan="${esc(p.planId)}"><caption>${caption}</caption><thead><tr>` +
    `<th scope="col">${t(locale, 'lti.field.title')}</th><th scope="col">${t(locale, 'lti.field.topic')}</th>` +
    `<th scope="col">${t(locale, 'lti.field.city')}</th><th scope="col">${t(locale, 'lti.session.when')}</th>` +
    `<th scope="col">${t(locale, 'lti.plans.expected')}</th></tr></thead><tbody>${rows}</tbody></table>`;
  let action: string;
  if (p.status === 'approving') action = `<p>${t(locale, 'lti.plans.approving')}</p>`;
  else if (data.canApprove) {
    action = `<p>${t(locale, 'lti.plans.whole', { total: p.totalSessions })}</p>` +
      actionForm(ctx, 'approve-plan', { planId: p.planId }, translate(locale, 'lti.plans.approve'), translate(locale, 'lti.plans.approveLabel', { created }));
  } else action = `<p>${t(locale, 'lti.plans.adminOnly')}</p>`;
  return table + action;
}

/** Draft service plans that propose sessions for the course; approval (whole plan) for administrators. */
export function renderPlanProposals(ctx: PageContext, data: PlanProposalsData, timeZone: string): string {
  const { locale } = ctx;
  const body = data.proposals.length
    ? `<p>${t(locale, 'lti.plans.intro')}</p>${data.proposals.map((p) => proposalBlock(ctx, p, data, timeZone)).join('')}`
    : `<p>${t(locale, 'lti.instructor.noPlans')}</p>`;
  return `<section aria-labelledby="h-plans"><h2 id="h-plans">${t(locale, 'lti.instructor.plans')}</h2>${body}</section>`;
}
