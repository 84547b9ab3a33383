import type { Command } from 'commander';
import type { TrainRequest } from '@o2o/model';

/** The training options `train` and `evaluate` share; unset ones fall back to the MODEL_* configuration. */
export function withTrainingOptions(c: Command): Command {
  return c
    .option('--tenant <slug>', 'tenant slug or id', 'default')
    .option('--fusion <mode>', 'fused | dual-stream | hybrid')
    .option('--alpha <n>', 'weight of the offline loss term')
    .option('--beta <n>', 'weight of the online loss term')
    .option('--epochs <n>', 'maximum epochs')
    .option('--split <kind>', 'temporal | random hold-out')
    .option('--runs <n>', 'repeated evaluation runs (mean and spread)')
    .option('--course-days <n>', 'observation point: only the first N days of each course count');
}

export function trainRequestFrom(options: Record<string, unknown>): TrainRequest {
  const num = (v: unknown) => (v === undefined ? undefined : Number(v));
  const fusion = options.fusion as TrainRequest['fusion'];
  if (fusion && !['fused', 'dual-stream', 'hybrid'].includes(fusion)) throw new Error('--fusion must be fused, dual-stream or hybrid');
  const split = options.split as TrainRequest['split'];
  if (split && !['temporal', 'random'].includes(split)) throw new Error('--split must be temporal or random');
  const request: TrainRequest = {
    fusion, split, alpha: num(options.alpha), beta: num(options.beta), epochs: num(options.epochs), runs: num(options.runs),
    courseDays: num(options.courseDays),
  };
  for (const [key, value] of Object.entries(request)) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) throw new Error(`--${key} must be a non-negative number`);
  }
  return request;
}
