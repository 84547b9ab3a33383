import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 date-time that names its UTC offset (or Z): plan times are instants, and a bare local time would
 * silently take the server's zone. One definition for every time field of a plan request.
 */
export function IsIsoInstant(): PropertyDecorator {
  return applyDecorators(IsISO8601({ strict: true }), Matches(WITH_OFFSET, { message: '$property must include a UTC offset or Z' }));
}
