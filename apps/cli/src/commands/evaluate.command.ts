import { TenantService } from '@o2o/core';
import { ModelTrainingService } from '@o2o/model';
import { CliCommand } from '../cli-command';
import { printTable, progressBar } from '../cli-ui';
import { trainRequestFrom, withTrainingOptions } from './model-cli.options';
import { printCalibration, printEvaluation } from './model-report.table';

/** `evaluate`: the same repeated hold-out evaluation as `train`, without storing or activating anything. */
export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  description: 'Evaluate the satisfaction model against popularity and logistic baselines (nothing stored) / 评估模型',
  configure: withTrainingOptions,
  run: async (app, options) => {
    const tenant = await app.get(TenantService).resolve(String(options.tenant));
    const bar = progressBar('evaluating', 100);
    let result;
    try {
      result = await app.get(ModelTrainingService).evaluate(tenant.id, trainRequestFrom(options), (percent) => bar.update(Math.round(percent)));
    } finally {
      bar.stop();
    }
    const { set, report } = result;
    printTable([{
      tenant: tenant.slug, 'offline examples': `${set.offline.count} (${set.offline.positives} satisfied)`,
      'online examples': `${set.online.count} (${set.online.positives} satisfied)`, pending: set.pending,
      'online data': set.onlineDataAvailable ? 'yes' : 'no (ingest tables absent)', snapshot: set.snapshotHash.slice(0, 12),
    }], 'Data / 数据');
    printEvaluation(report);
    const calibration = report.runs[0]?.offline?.model.calibration;
    if (calibration) printCalibration(calibration);
  },
};
