import { Injectable } from '@nestjs/common';
import type { TenantFeatureData } from './feature-data.types';
import { FeatureDataLoader } from './feature-data.loader';
import { LearnerTimeline, TimelineOptions } from './learner-timeline';
import { buildTrainingExamples, TrainingSet, TrainingSetOptions } from './training-examples.builder';

export interface LearnerTimelines {
  data: TenantFeatureData;
  /** Every requested learner that exists, with their history (possibly empty). */
  timelines: Map<string, LearnerTimeline>;
}

/**
 * The feature builder over the database: labelled training sets for a tenant, and point-in-time learner
 * timelines for scoring (suggestions, plans). Both go through LearnerTimeline so training and serving compute
 * every feature the same way.
 */
@Injectable()
export class ModelFeaturesService {
  constructor(private readonly loader: FeatureDataLoader) {}

  async trainingSet(tenantId: string, options: TrainingSetOptions): Promise<TrainingSet> {
    return buildTrainingExamples(await this.loader.load(tenantId), options);
  }

  async timelines(tenantId: string, learnerIds: readonly string[], options: TimelineOptions = {}): Promise<LearnerTimelines> {
    const data = await this.loader.load(tenantId, learnerIds);
    const timelines = new Map<string, LearnerTimeline>();
    for (const learner of data.learners.values()) {
      timelines.set(learner.id, new LearnerTimeline(learner, data.events.get(learner.id) ?? [], data.outcomes.get(learner.id) ?? [], data.courses, options));
    }
    return { data, timelines };
  }

  countOutcomes(tenantId: string, asOf: Date): Promise<number> {
    return this.loader.countOutcomes(tenantId, asOf);
  }

  countRatings(tenantId: string, asOf: Date): Promise<number> {
    return this.loader.countRatings(tenantId, asOf);
  }

  invalidate(tenantId?: string): void {
    this.loader.invalidate(tenantId);
  }
}
