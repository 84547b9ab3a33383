import type { AppConfig } from '@o2o/config';
import type { GateOptions } from '../../evaluation/activation-gate';
import type { SplitKind } from '../../evaluation/model-evaluation';
import type { FusionMode } from '../../model/satisfaction-model.options';
import type { TrainingTrigger } from '../versions/model-version.entity';

/** What an operator may choose per training run; everything else comes from configuration. */
export interface TrainRequest {
  fusion?: FusionMode;
  alpha?: number;
  beta?: number;
  epochs?: number;
  split?: SplitKind;
  /** Repeated train/test runs for the evaluation (mean and spread). */
  runs?: number;
  /** Observation point: only each course's first N days of online activity count as features. */
  courseDays?: number;
  /** Stricter (or looser) gate for this run; unset fields use MODEL_GATE_*. */
  gate?: Partial<GateOptions>;
}

export interface ResolvedTrainRequest {
  fusion: FusionMode;
  alpha: number;
  beta: number;
  epochs: number;
  split: SplitKind;
  runs: number;
  courseDays?: number;
  gate: Required<GateOptions>;
}

export type ProgressReporter = (percent: number, message: string) => void | Promise<void>;

export function resolveTrainRequest(config: AppConfig, request: TrainRequest = {}): ResolvedTrainRequest {
  const m = config.model;
  return {
    fusion: request.fusion ?? m.fusion,
    alpha: request.alpha ?? m.alpha,
    beta: request.beta ?? m.beta,
    epochs: request.epochs ?? m.epochs,
    split: request.split ?? m.evalSplit,
    runs: request.runs ?? m.evalRuns,
    courseDays: request.courseDays,
    gate: {
      minMeanF1: request.gate?.minMeanF1 ?? m.gate.minMeanF1,
      minMeanAuc: request.gate?.minMeanAuc ?? m.gate.minMeanAuc,
      maxStd: request.gate?.maxStd ?? m.gate.maxStd,
      maxRegression: request.gate?.maxRegression ?? m.gate.maxRegression,
    },
  };
}

export interface TrainContext {
  trigger: TrainingTrigger;
  jobId?: string;
  progress?: ProgressReporter;
}

/**
 * Wraps a reporter for calls from synchronous training callbacks: whole percents only, never backwards, and a
 * failing write (a job whose lease moved on) never surfaces as an unhandled rejection in the training loop.
 */
export function safeProgress(reporter?: ProgressReporter): ProgressReporter | undefined {
  if (!reporter) return undefined;
  let last = -1;
  return (percent, message) => {
    const whole = Math.min(100, Math.floor(percent));
    if (whole <= last) return;
    last = whole;
    return Promise.resolve(reporter(whole, message)).catch(() => undefined);
  };
}
