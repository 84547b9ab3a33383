import { TenantService } from '@o2o/core';
import { ModelTrainingService } from '@o2o/model';
import { CliCommand } from '../cli-command';
import { printTable, progressBar } from '../cli-ui';
import { trainRequestFrom, withTrainingOptions } from './model-cli.options';
import { printEvaluation } from './model-report.table';

/**
 * `train`: builds features from the database, evaluates against the baselines, trains, and stores a version that
 * goes live only if it passes the gate (MODEL_GATE_*). Runs in this process, not as a job, to show progress.
 */
export const trainCommand: CliCommand = {
  name: 'train',
  description: 'Train, evaluate and (if it passes the gate) activate a satisfaction model version / 训练满意度模型',
  configure: withTrainingOptions,
  run: async (app, options) => {
    const tenant = await app.get(TenantService).resolve(String(options.tenant));
    const bar = progressBar('training', 100);
    let version;
    try {
      version = await app.get(ModelTrainingService).train(tenant.id, trainRequestFrom(options), {
        trigger: 'cli', progress: (percent) => bar.update(Math.round(percent)),
      });
    } finally {
      bar.stop();
    }
    const counts = version.exampleCounts as { offline: { count: number; positives: number }; online: { count: number; positives: number } };
    const training = version.training as { epochs: number; examplesPerSecond: number; seconds: number };
    printTable([{
      version: version.id, status: version.status, fusion: version.fusion, alpha: version.alpha, beta: version.beta, backend: version.backend,
      'offline examples': `${counts.offline.count} (${counts.offline.positives} satisfied)`,
      'online examples': `${counts.online.count} (${counts.online.positives} satisfied)`,
      epochs: training.epochs, 'examples/s': training.examplesPerSecond, seconds: training.seconds,
    }], `Model version for tenant ${tenant.slug} / 模型版本`);
    printEvaluation(version.metrics as never);
    printTable(version.gate.reasons.map((reason) => ({ gate: reason })), `Gate: ${version.status} — ${version.statusReason} / 上线闸门`);
  },
};
