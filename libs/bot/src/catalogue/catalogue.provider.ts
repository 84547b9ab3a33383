import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, Course, DomainEventBus, OfflineSession, Venue } from '@o2o/core';
import type { CatalogueCity, CatalogueTopic } from '../nlu/nlu.types';
import { BotCatalogueTerm } from '../persistence/bot-catalogue-term.entity';
import { CatalogueSnapshot, CourseFacts, TermNames, VenueFacts } from './catalogue.snapshot';
import defaults from './default-catalogue-terms.json';

/** Rebuilt at most this often even without events, so catalogue changes made by another host show up. */
const TTL_MS = 30_000;

interface Term {
  key: string;
  en?: string | null;
  zh?: string | null;
  aliases?: string[];
}

/**
 * The live catalogue per tenant (topics, cities, courses, venues) from the database plus the naming terms.
 * Cached briefly and dropped as soon as this process sees a session change, so a new city or course is
 * understood without retraining or restarting.
 */
@Injectable()
export class CatalogueProvider implements OnModuleInit {
  private readonly cache = new Map<string, { at: number; snapshot: Promise<CatalogueSnapshot> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    for (const type of ['SessionCreated', 'SessionUpdated', 'SessionCancelled'] as const) {
      this.bus.subscribe(type, (e) => this.invalidate(e.payload.tenantId));
    }
  }

  invalidate(tenantId: string): void {
    this.cache.delete(tenantId);
  }

  get(tenantId: string): Promise<CatalogueSnapshot> {
    const cached = this.cache.get(tenantId);
    if (cached && performance.now() - cached.at < TTL_MS) return cached.snapshot;
    const snapshot = this.build(tenantId);
    this.cache.set(tenantId, { at: performance.now(), snapshot });
    snapshot.catch(() => this.cache.delete(tenantId));
    return snapshot;
  }

  private async build(tenantId: string): Promise<CatalogueSnapshot> {
    const now = this.clock.now();
    const [sessions, courses, venues, terms] = await Promise.all([
      this.dataSource.getRepository(OfflineSession).createQueryBuilder('s')
        .select('s.topic', 'topic').addSelect('s.city', 'city').distinct(true)
        .where('s.tenantId = :tenantId AND s.status = :status AND s.endsAt >= :now', { tenantId, status: 'scheduled', now })
        .getRawMany<{ topic: string; city: string }>(),
      this.dataSource.getRepository(Course).find({ where: { tenantId } }),
      this.dataSource.getRepository(Venue).find({ where: { tenantId } }),
      this.dataSource.getRepository(BotCatalogueTerm).find({ where: { tenantId } }),
    ]);
    const topicKeys = new Set([...sessions.map((s) => s.topic), ...courses.map((c) => c.topic)]);
    const cityKeys = new Set([...sessions.map((s) => s.city), ...venues.map((v) => v.city)]);
    const topicTerms = termsByKey(defaults.topics, terms.filter((t) => t.kind === 'topic'));
    const cityTerms = termsByKey(defaults.cities, terms.filter((t) => t.kind === 'city'));

    const topicNames = new Map<string, TermNames>();
    const nluTopics: CatalogueTopic[] = [];
    for (const key of topicKeys) {
      const term = topicTerms.get(key.toLowerCase());
      const names = { en: term?.en || key.replace(/[-_]+/g, ' '), zh: term?.zh || '' };
      topicNames.set(key, names);
      nluTopics.push({ id: key, names: { en: names.en, zh: names.zh || undefined }, aliases: [key, ...(term?.aliases ?? [])] });
    }
    const cityNames = new Map<string, TermNames>();
    const nluCities: CatalogueCity[] = [];
    for (const key of cityKeys) {
      const term = cityTerms.get(key.toLowerCase());
      const names = { en: term?.en || key, zh: term?.zh || '' };
      cityNames.set(key, names);
      nluCities.push({ id: key, names: { en: names.en, zh: names.zh || undefined }, aliases: [key, ...(term?.aliases ?? [])] });
    }
    const courseFacts = new Map<string, CourseFacts>(courses.map((c) => [c.id, { id: c.id, title: c.title, topic: c.topic }]));
    const venueFacts = new Map<string, VenueFacts>(venues.map((v) => [v.id, { name: v.name, address: v.address, city: v.city }]));
    return new CatalogueSnapshot(
      {
        topics: nluTopics,
        cities: nluCities,
        // "English / 中文" titles: each half is also a name people type.
        courses: courses.map((c) => ({ id: c.id, title: c.title, aliases: c.title.includes(' / ') ? c.title.split(' / ').map((p) => p.trim()) : [] })),
      },
      topicNames, cityNames, venueFacts, courseFacts,
    );
  }
}

function termsByKey(builtIn: Term[], own: BotCatalogueTerm[]): Map<string, Term> {
  const map = new Map<string, Term>(builtIn.map((t) => [t.key.toLowerCase(), t]));
  for (const t of own) map.set(t.key.toLowerCase(), { key: t.key, en: t.nameEn, zh: t.nameZh, aliases: t.aliases });
  return map;
}
