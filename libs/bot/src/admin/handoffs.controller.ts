import { randomUUID } from 'node:crypto';
import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { Clock, DomainError, Tenant } from '@o2o/core';
import { JobQueue } from '@o2o/jobs';
import { TransactionRunner } from '@o2o/persistence';
import { BotHandoff } from '../persistence/bot-handoff.entity';
import { HANDOFF_ANSWER_JOB } from '../proactive/proactive-job.names';
import { HandoffAnswerDto, HandoffListQuery } from './bot-admin.dto';

/** The admins' inbox of talk-to-a-person requests, and answering one back into the learner's chat. */
@ApiTags('bot')
@ApiBearerAuth()
@ApiV1('bot/handoffs')
export class HandoffsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  @Get()
  list(@CurrentTenant() tenant: Tenant, @Query() query: HandoffListQuery) {
    return this.dataSource.getRepository(BotHandoff).find({
      where: { tenantId: tenant.id, ...(query.status ? { status: query.status as BotHandoff['status'] } : {}) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  /** 201: the answer is recorded and queued for the learner's conversation (quiet hours apply). */
  @Post(':id/answer')
  async answer(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string, @Body() dto: HandoffAnswerDto) {
    const handoff = await this.dataSource.getRepository(BotHandoff).findOneBy({ id, tenantId: tenant.id });
    if (!handoff) throw new DomainError('BOT_HANDOFF_NOT_FOUND', 404, { handoffId: id });
    const answerId = randomUUID();
    const now = this.clock.now();
    const job = await this.tx.run(async (m) => {
      await m.update(BotHandoff, { id }, { status: 'answered', answer: dto.text, answeredAt: now });
      return this.jobs.enqueue(HANDOFF_ANSWER_JOB, { handoffId: id, answerId, answer: dto.text }, { idempotencyKey: `bot:handoff-answer:${answerId}`, manager: m });
    });
    return { ...(await this.dataSource.getRepository(BotHandoff).findOneByOrFail({ id })), jobId: job.id };
  }
}
