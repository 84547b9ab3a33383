import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Course, CourseService } from '@o2o/core';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import { LtiCourseLink } from '../entities/lti-course-link.entity';
import type { LtiDeployment } from '../entities/lti-deployment.entity';
import type { LaunchSummary } from '../launch/launch-summary.mapper';

const MAX_CACHED = 5_000;

/** Our course id for an LMS context: stable per registration, and short enough for the course key column. */
export function courseExternalId(registrationId: string, contextId: string): string {
  const ctx = contextId.length > 150 ? createHash('sha256').update(contextId).digest('hex') : contextId;
  return `lti:${registrationId}:${ctx}`;
}

function topicOf(summary: LaunchSummary, existing?: string): string {
  const custom = summary.custom.o2o_topic ?? summary.custom.topic;
  if (custom) return custom.slice(0, 100);
  if (existing) return existing;
  const base = (summary.contextLabel ?? summary.courseTitle ?? 'general').toLowerCase().normalize('NFKC');
  return base.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'general';
}

/**
 * Links an LMS context to our course and keeps the context's service endpoints (NRPS, AGS) beyond ltijs' 24-hour
 * records. Launches repeat the same facts thousands of times, so a link is only written when something changed.
 */
@Injectable()
export class CourseLinkService {
  private readonly cache = new Map<string, { link: LtiCourseLink; signature: string }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly courses: CourseService,
  ) {}

  async ensure(deployment: LtiDeployment, summary: LaunchSummary & { contextId: string }): Promise<{ link: LtiCourseLink; created: boolean }> {
    const key = `${deployment.registrationId}\u0000${deployment.deploymentId}\u0000${summary.contextId}`;
    const title = (summary.courseTitle ?? summary.contextId).slice(0, 300);
    const wanted = {
      title, nrpsUrl: summary.nrpsUrl ?? null, lineItemsUrl: summary.lineItemsUrl ?? null, agsScopes: [...summary.agsScopes].sort(),
      topic: summary.custom.o2o_topic ?? summary.custom.topic ?? null,
    };
    const signature = JSON.stringify(wanted);
    const cached = this.cache.get(key);
    if (cached?.signature === signature) return { link: cached.link, created: false };

    const repo = this.dataSource.getRepository(LtiCourseLink);
    let link = await repo.findOneBy({ registrationId: deployment.registrationId, deploymentId: deployment.deploymentId, contextId: summary.contextId });
    const created = !link;
    const course = await this.ensureCourse(deployment, summary, title);
    const now = new Date();
    if (!link) {
      link = Object.assign(new LtiCourseLink(), {
        id: randomUUID(), tenantId: deployment.tenantId, registrationId: deployment.registrationId, deploymentId: deployment.deploymentId,
        contextId: summary.contextId, courseId: course.id, createdAt: now, updatedAt: now, lastRosterImportAt: null,
        title, nrpsUrl: wanted.nrpsUrl, lineItemsUrl: wanted.lineItemsUrl, agsScopes: wanted.agsScopes,
      });
      try {
        await this.tx.run((m) => m.insert(LtiCourseLink, link!));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Two first launches of the same course at once: the other one created it.
        link = await repo.findOneByOrFail({ registrationId: deployment.registrationId, deploymentId: deployment.deploymentId, contextId: summary.contextId });
        return { link, created: false };
      }
    } else if (link.title !== title || link.nrpsUrl !== wanted.nrpsUrl || link.lineItemsUrl !== wanted.lineItemsUrl ||
      JSON.stringify([...link.agsScopes].sort()) !== JSON.stringify(wanted.agsScopes) || link.courseId !== course.id) {
      // Endpoints only ever improve: a launch without the AGS claim (e.g. a learner role) must not erase them.
      Object.assign(link, {
        title, courseId: course.id, updatedAt: now, nrpsUrl: wanted.nrpsUrl ?? link.nrpsUrl, lineItemsUrl: wanted.lineItemsUrl ?? link.lineItemsUrl,
        agsScopes: wanted.agsScopes.length ? wanted.agsScopes : link.agsScopes,
      });
      await this.tx.run((m) => m.save(LtiCourseLink, link!));
    }
    if (this.cache.size > MAX_CACHED) this.cache.clear();
    this.cache.set(key, { link, signature });
    return { link, created };
  }

  get(id: string): Promise<LtiCourseLink | null> {
    return this.dataSource.getRepository(LtiCourseLink).findOneBy({ id });
  }

  forCourse(courseId: string): Promise<LtiCourseLink[]> {
    return this.dataSource.getRepository(LtiCourseLink).findBy({ courseId });
  }

  private async ensureCourse(deployment: LtiDeployment, summary: LaunchSummary, title: string): Promise<Course> {
    const externalId = courseExternalId(deployment.registrationId, summary.contextId!);
    const existing = await this.dataSource.getRepository(Course).findOneBy({ tenantId: deployment.tenantId, externalId });
    const topic = topicOf(summary, existing?.topic);
    if (existing && existing.title === title && existing.topic === topic) return existing;
    return (await this.courses.upsert(deployment.tenantId, { externalId, title, topic })).course;
  }
}
