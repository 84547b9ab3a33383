import { Body, Get, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CourseService, Tenant, VenueService } from '@o2o/core';
import { ApiV1 } from '../common/api-v1.decorator';
import { CurrentTenant } from '../common/current-tenant.decorator';
import { CreateVenueDto } from './create-venue.dto';
import { UpsertCourseDto } from './upsert-course.dto';

@ApiTags('catalogue')
@ApiBearerAuth()
@ApiV1('')
export class CatalogueController {
  constructor(
    private readonly courses: CourseService,
    private readonly venues: VenueService,
  ) {}

  @Post('courses')
  async upsertCourse(@CurrentTenant() tenant: Tenant, @Body() dto: UpsertCourseDto, @Res({ passthrough: true }) res: Response) {
    const { course, created } = await this.courses.upsert(tenant.id, dto);
    res.status(created ? 201 : 200);
    return course;
  }

  @Get('courses')
  listCourses(@CurrentTenant() tenant: Tenant) {
    return this.courses.list(tenant.id);
  }

  @Post('venues')
  createVenue(@CurrentTenant() tenant: Tenant, @Body() dto: CreateVenueDto) {
    return this.venues.create(tenant.id, dto);
  }

  @Get('venues')
  listVenues(@CurrentTenant() tenant: Tenant) {
    return this.venues.list(tenant.id);
  }
}
