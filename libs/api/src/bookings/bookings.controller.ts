import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AttendanceService, BookingService, FeedbackService, Tenant } from '@o2o/core';
import { ApiV1 } from '../common/api-v1.decorator';
import { CurrentTenant } from '../common/current-tenant.decorator';
import { BookingView } from './booking.view';
import { CreateBookingDto } from './create-booking.dto';
import { GiveFeedbackDto } from './give-feedback.dto';
import { RecordAttendanceDto } from './record-attendance.dto';

@ApiTags('bookings')
@ApiBearerAuth()
@ApiV1('')
export class BookingsController {
  constructor(
    private readonly bookings: BookingService,
    private readonly attendance: AttendanceService,
    private readonly feedback: FeedbackService,
  ) {}

  /** 201 with the new booking (confirmed or waitlisted); 200 with the existing one when the learner already holds it. */
  @Post('sessions/:id/bookings')
  @ApiOkResponse({ type: BookingView })
  async book(
    @CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) sessionId: string, @Body() dto: CreateBookingDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BookingView> {
    const { booking, created } = await this.bookings.book(tenant.id, sessionId, dto.learnerId, 'api');
    res.status(created ? 201 : 200);
    return BookingView.of(booking);
  }

  @Get('sessions/:id/bookings')
  @ApiOkResponse({ type: [BookingView] })
  async list(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) sessionId: string): Promise<BookingView[]> {
    return (await this.bookings.listForSession(tenant.id, sessionId)).map(BookingView.of);
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: BookingView })
  async cancel(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string): Promise<BookingView> {
    return BookingView.of(await this.bookings.cancel(tenant.id, id));
  }

  @Post('sessions/:id/attendance')
  async attend(
    @CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) sessionId: string, @Body() dto: RecordAttendanceDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { attendance, created } = await this.attendance.record(tenant.id, sessionId, dto.learnerId, dto.status);
    res.status(created ? 201 : 200);
    return { ...attendance, recordedAt: attendance.recordedAt.toISOString() };
  }

  @Post('bookings/:id/feedback')
  async giveFeedback(
    @CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) bookingId: string, @Body() dto: GiveFeedbackDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { feedback, created } = await this.feedback.give(tenant.id, bookingId, dto.rating, dto.comment ?? '');
    res.status(created ? 201 : 200);
    return { ...feedback, givenAt: feedback.givenAt.toISOString() };
  }
}
