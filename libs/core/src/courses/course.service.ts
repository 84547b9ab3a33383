import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import { Course } from './course.entity';

export interface UpsertCourseInput {
  externalId: string;
  title: string;
  topic: string;
  language?: string;
}

@Injectable()
export class CourseService {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    private readonly tx: TransactionRunner,
  ) {}

  /** Courses are keyed by the LMS's id: the same external id updates the title and topic. */
  async upsert(tenantId: string, input: UpsertCourseInput): Promise<{ course: Course; created: boolean }> {
    const existing = await this.courses.findOneBy({ tenantId, externalId: input.externalId });
    if (existing) {
      Object.assign(existing, input);
      return { course: await this.tx.run((m) => m.save(Course, existing)), created: false };
    }
    try {
      await this.tx.run((m) => m.insert(Course, { id: randomUUID(), tenantId, language: 'en', ...input }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return this.upsert(tenantId, input);
    }
    return { course: await this.courses.findOneByOrFail({ tenantId, externalId: input.externalId }), created: true };
  }

  list(tenantId: string): Promise<Course[]> {
    return this.courses.find({ where: { tenantId }, order: { title: 'ASC' } });
  }
}
