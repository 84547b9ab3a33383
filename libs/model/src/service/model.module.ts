import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IngestModule } from '@o2o/ingest';
import { ModelsController } from './api/models.controller';
import { DemoModelBootstrap } from './demo/demo-model.bootstrap';
import { SyntheticHistorySeeder } from './demo/synthetic-history.seeder';
import { FeatureDataLoader } from './features/feature-data.loader';
import { ModelFeaturesService } from './features/model-features.service';
import { registerModelMessages } from './i18n/model-messages';
import { SatisfactionModelService } from './inference/satisfaction-model.service';
import { ModelTrainingJobs } from './training/model-training.jobs';
import { ModelTrainingService } from './training/model-training.service';
import { ModelVersion } from './versions/model-version.entity';
import { ModelVersionService } from './versions/model-version.service';

const services = [
  FeatureDataLoader, ModelFeaturesService, ModelVersionService, SatisfactionModelService, ModelTrainingService,
  ModelTrainingJobs, SyntheticHistorySeeder, DemoModelBootstrap,
];

/**
 * The satisfaction model as a service: features from the database, versions with evaluate-then-enable,
 * training jobs (on demand, scheduled, demo bootstrap), batched inference, and /api/v1/models.
 * IngestModule provides the door the synthetic history's online events go through.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ModelVersion]), IngestModule],
  controllers: [ModelsController],
  providers: services,
  exports: services,
})
export class ModelModule {
  constructor() {
    registerModelMessages();
  }
}
