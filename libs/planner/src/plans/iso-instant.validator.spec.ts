import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreatePlanDto } from './create-plan.dto';
import { InstructorUnavailabilityDto } from './instructor-unavailability.dto';

const messages = (dto: object) => validateSync(dto).flatMap((e) => Object.values(e.constraints ?? {}));

describe('IsIsoInstant', () => {
  it('accepts date-times with Z or an offset and names the field when the offset is missing', () => {
    const entry = (from: string, to: string) => plainToInstance(InstructorUnavailabilityDto, { instructor: 'Ana', from, to });
    expect(messages(entry('2026-12-12T09:00:00+08:00', '2026-12-12T12:00:00Z'))).toEqual([]);
    expect(messages(entry('2026-12-12T09:00:00', '2026-12-12T12:00:00Z'))).toEqual(['from must include a UTC offset or Z']);
    expect(messages(entry('2026-12-12T09:00:00Z', 'tomorrow'))).toEqual(expect.arrayContaining(['to must include a UTC offset or Z']));
    expect(messages(entry('2026-12-12T09:00:00Z', 'tomorrow'))).toHaveLength(2); // not ISO 8601 either
  });

  it('applies to the plan period and the candidates as well', () => {
    const dto = plainToInstance(CreatePlanDto, {
      period: { start: '2026-12-12T00:00:00', end: '2026-12-14T00:00:00+08:00' },
      candidates: [{ topic: 'python', startsAt: '2026-12-12T09:00:00+08:00', endsAt: '2026-12-12T12:00:00', instructor: 'Ana' }],
      budget: 1000, minAttendance: 1,
    });
    const errors = validateSync(dto);
    const nested = (field: string) => errors.find((e) => e.property === field)!.children!;
    expect(nested('period').map((e) => e.constraints?.matches)).toEqual(['start must include a UTC offset or Z']);
    expect(nested('candidates')[0].children!.map((e) => e.constraints?.matches)).toEqual(['endsAt must include a UTC offset or Z']);
  });
});
