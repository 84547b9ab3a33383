import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { BookingService } from '../bookings/booking.service';
import { Clock } from '../clock/clock';
import { CourseService } from '../courses/course.service';
import { LearnerService } from '../learners/learner.service';
import { OfflineSession } from '../sessions/offline-session.entity';
import { OfflineSessionService } from '../sessions/offline-session.service';
import { DEFAULT_TENANT_SLUG, TenantService } from '../tenants/tenant.service';
import { VenueService } from '../venues/venue.service';
import { DEMO_CITIES, DEMO_COURSES, DEMO_SESSION_PLANS, DEMO_VENUES } from './demo-catalogue';

/** Deterministic PRNG so every fresh demo looks the same (mulberry32). */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ensures the default tenant exists and, on an empty database with DEMO_SEED on, fills in a demo tenant. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantService,
    private readonly courses: CourseService,
    private readonly venues: VenueService,
    private readonly learners: LearnerService,
    private readonly sessions: OfflineSessionService,
    private readonly bookings: BookingService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const tenant = await this.tenants.ensure(DEFAULT_TENANT_SLUG, 'o2o-bridge Demo Academy', {
      timeZone: 'Asia/Shanghai', defaultLocale: this.config.defaultLocale,
    });
    if (!this.config.demoSeed) return;
    if ((await this.dataSource.getRepository(OfflineSession).count()) > 0) return;
    await this.seed(tenant.id);
  }

  async seed(tenantId: string): Promise<{ sessions: number; learners: number; bookings: number }> {
    const random = seeded(20261204);
    const courseIds = new Map<string, string>();
    for (const c of DEMO_COURSES) courseIds.set(c.externalId, (await this.courses.upsert(tenantId, c)).course.id);
    const venues = [];
    for (const v of DEMO_VENUES) venues.push(await this.venues.create(tenantId, { ...v, currency: 'CNY' }));
    const learnerIds: string[] = [];
    for (let i = 1; i <= 40; i++) {
      const { learner } = await this.learners.register(tenantId, {
        externalId: `demo-learner-${i}`, locale: i % 3 === 0 ? 'en' : 'zh-CN', city: DEMO_CITIES[i % DEMO_CITIES.length],
      });
      learnerIds.push(learner.id);
    }
    const today = this.clock.now();
    let bookings = 0;
    for (const plan of DEMO_SESSION_PLANS) {
      const venue = venues[plan.venue];
      const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + plan.dayOffset));
      // Demo venues are in China (UTC+8): local hour h is UTC h-8.
      const startsAt = new Date(day.getTime() + (plan.hour - 8) * 3_600_000);
      const session = await this.sessions.create(tenantId, {
        title: plan.title, topic: DEMO_COURSES.find((c) => c.externalId === plan.course)!.topic,
        courseId: courseIds.get(plan.course)!, venueId: venue.id, format: plan.format, city: venue.city,
        instructorName: plan.instructor, startsAt, endsAt: new Date(startsAt.getTime() + plan.hours * 3_600_000),
        timeZone: 'Asia/Shanghai', capacity: plan.capacity, waitlistLimit: plan.waitlist, priceMinor: plan.price * 100,
        currency: 'CNY', language: plan.language,
        description: `Bring a laptop. / 请携带笔记本电脑。`,
      });
      const wanted = Math.floor(plan.capacity * (0.4 + random() * 0.8));
      const shuffled = [...learnerIds].sort(() => random() - 0.5).slice(0, wanted);
      for (const learnerId of shuffled) {
        await this.bookings.book(tenantId, session.id, learnerId, 'demo').then(() => bookings++).catch(() => undefined);
      }
    }
    this.logger.log(`seeded demo tenant: ${DEMO_SESSION_PLANS.length} sessions, ${learnerIds.length} learners, ${bookings} bookings`);
    return { sessions: DEMO_SESSION_PLANS.length, learners: learnerIds.length, bookings };
  }
}
