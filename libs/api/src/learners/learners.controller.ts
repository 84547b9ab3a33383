import { Body, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BookingService, Learner, LearnerService, Tenant } from '@o2o/core';
import { BookingView } from '../bookings/booking.view';
import { ApiV1 } from '../common/api-v1.decorator';
import { CurrentTenant } from '../common/current-tenant.decorator';
import { CreateLearnerDto } from './create-learner.dto';

const view = (l: Learner) => ({ id: l.id, pseudonym: l.pseudonym, locale: l.locale, city: l.city, createdAt: l.createdAt });

@ApiTags('learners')
@ApiBearerAuth()
@ApiV1('learners')
export class LearnersController {
  constructor(
    private readonly learners: LearnerService,
    private readonly bookings: BookingService,
  ) {}

  /** 201 for a new learner; 200 with the same id when the external id is already known. */
  @Post()
  async register(@CurrentTenant() tenant: Tenant, @Body() dto: CreateLearnerDto, @Res({ passthrough: true }) res: Response) {
    const { learner, created } = await this.learners.register(tenant.id, dto);
    res.status(created ? 201 : 200);
    return view(learner);
  }

  @Get(':id')
  async get(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string) {
    return view(await this.learners.get(tenant.id, id));
  }

  @Get(':id/bookings')
  async bookingsOf(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string) {
    await this.learners.get(tenant.id, id);
    return (await this.bookings.listForLearner(tenant.id, id)).map((b) => BookingView.of({ ...b, waitlistPosition: null }));
  }
}
