import { Body, Controller, Get, Header, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { OfflineSessionService, renderSessionCalendar, Tenant, UpdateSessionInput, Venue } from '@o2o/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CurrentTenant } from '../common/current-tenant.decorator';
import { ApiV1 } from '../common/api-v1.decorator';
import { CancelSessionDto } from './cancel-session.dto';
import { CreateSessionDto } from './create-session.dto';
import { ListSessionsQuery } from './list-sessions.query';
import { SessionView } from './session.view';
import { UpdateSessionDto } from './update-session.dto';

export function toSessionInput(dto: UpdateSessionDto): UpdateSessionInput {
  const { startsAt, endsAt, price, ...rest } = dto;
  return {
    ...rest,
    ...(startsAt !== undefined ? { startsAt: new Date(startsAt) } : {}),
    ...(endsAt !== undefined ? { endsAt: new Date(endsAt) } : {}),
    ...(price !== undefined ? { priceMinor: Math.round(price * 100) } : {}),
  };
}

@ApiTags('sessions')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Tenant', required: false, description: 'Tenant slug or id (default: "default")' })
@ApiV1('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: OfflineSessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Venue) private readonly venues: Repository<Venue>,
  ) {}

  @Post()
  @ApiOkResponse({ type: SessionView })
  async create(@CurrentTenant() tenant: Tenant, @Body() dto: CreateSessionDto): Promise<SessionView> {
    return SessionView.of(await this.sessions.create(tenant.id, toSessionInput(dto) as never));
  }

  @Get()
  @ApiOkResponse({ type: [SessionView] })
  async list(@CurrentTenant() tenant: Tenant, @Query() q: ListSessionsQuery): Promise<SessionView[]> {
    const rows = await this.sessions.list(tenant.id, {
      ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined,
    });
    return rows.map(SessionView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: SessionView })
  async get(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string): Promise<SessionView> {
    return SessionView.of(await this.sessions.get(tenant.id, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: SessionView })
  async update(
    @CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSessionDto,
  ): Promise<SessionView> {
    return SessionView.of(await this.sessions.update(tenant.id, id, toSessionInput(dto)));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  async cancel(
    @CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelSessionDto,
  ): Promise<SessionView> {
    return SessionView.of(await this.sessions.cancel(tenant.id, id, dto.reason ?? null));
  }

  @Get(':id/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async calendar(
    @CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const session = await this.sessions.get(tenant.id, id);
    const venue = session.venueId ? await this.venues.findOneBy({ id: session.venueId }) : null;
    res.setHeader('Content-Disposition', `attachment; filename="session-${id}.ics"`);
    return renderSessionCalendar(session, venue, this.config.publicUrl);
  }
}
