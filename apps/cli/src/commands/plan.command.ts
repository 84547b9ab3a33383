import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Clock, CourseService, TenantService, VenueService } from '@o2o/core';
import { CreatePlanDto, PLAN_STEPS, PlanApprovalService, planView, ServicePlanService } from '@o2o/planner';
import { CliCommand } from '../cli-command';
import { printTable, progressBar } from '../cli-ui';
import { demoPlanRequest } from './demo-plan.request';

/** `plan --file request.json` (the POST /api/v1/plans body) or `plan --demo`; `--approve` creates the sessions. */
export const planCommand: CliCommand = {
  name: 'plan',
  description: 'Solve a service plan: which sessions to open and whom to invite / 生成线下服务方案',
  configure: (c) => c
    .option('--tenant <slug>', 'tenant slug or id', 'default')
    .option('--file <json>', 'plan request as for POST /api/v1/plans')
    .option('--demo', "candidates from the tenant's venues × course topics × next Saturday morning and afternoon")
    .option('--budget-share <x>', 'with --demo: budget as a share of the total candidate cost', '0.4')
    .option('--min-attendance <n>', 'with --demo: minimum expected attendance per session', '3')
    .option('--time-limit <s>', 'solver time limit in seconds')
    .option('--approve', 'approve the plan at once (creates sessions and invitations)'),
  run: async (app, options) => {
    const tenant = await app.get(TenantService).resolve(String(options.tenant));
    let body: Record<string, unknown>;
    if (options.file) body = JSON.parse(readFileSync(String(options.file), 'utf8'));
    else if (options.demo) {
      const venues = await app.get(VenueService).list(tenant.id);
      body = demoPlanRequest(venues, await app.get(CourseService).list(tenant.id), tenant.timeZone, app.get(Clock).now(),
        Number(options.budgetShare), Number(options.minAttendance));
    } else throw new Error('Give --file <request.json> or --demo / 请指定 --file 或 --demo');
    if (options.timeLimit) body.timeLimitSeconds = Number(options.timeLimit);
    const dto = plainToInstance(CreatePlanDto, body);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      const lines: string[] = [];
      const walk = (list: typeof errors, prefix: string) => list.forEach((e) => {
        const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
        for (const message of Object.values(e.constraints ?? {})) lines.push(`${field}: ${message}`);
        walk(e.children ?? [], field);
      });
      walk(errors, '');
      throw new Error(`Invalid plan request / 方案请求无效:\n  ${lines.join('\n  ')}`);
    }
    // Steps, not a time estimate: scoring thousands of learners and the solver's run are the long parts.
    const bar = progressBar('planning', PLAN_STEPS + (options.approve ? 1 : 0));
    let plan;
    try {
      plan = await app.get(ServicePlanService).create(tenant, dto, (step) => bar.update(step));
      if (options.approve) plan = await app.get(PlanApprovalService).approve(tenant.id, plan.id);
      bar.update(PLAN_STEPS + (options.approve ? 1 : 0));
    } finally {
      bar.stop();
    }
    const view = planView(plan, false);
    printTable(view.sessions.map((s) => ({
      candidate: s.candidateId, topic: s.topic, city: s.city, starts: s.startsAt, instructor: s.instructor, seats: s.capacity,
      cost: s.cost, invited: s.invitationCount, 'exp. attendance': Number(s.expectedAttendance).toFixed(1),
      'exp. satisfaction': Number(s.expectedSatisfaction).toFixed(2), session: s.sessionId ?? '',
    })), `Opened sessions / 开设场次 (${view.openedSessions} of ${view.candidates} candidates)`);
    printTable([{
      plan: view.id, status: view.status, solver: view.solverStatus, objective: view.objectiveValue.toFixed(3),
      bound: view.bestBound.toFixed(3), gap: view.gap === null ? '∞' : `${(view.gap * 100).toFixed(2)}%`,
      cost: `${view.totalCost}/${view.budget}`, 'exp. attendance': view.expectedAttendance.toFixed(1),
      scores: view.scoreSource, learners: view.eligibleLearners, pairs: view.eligiblePairs, seconds: view.solveSeconds.toFixed(2),
    }], 'Plan / 方案');
  },
};
