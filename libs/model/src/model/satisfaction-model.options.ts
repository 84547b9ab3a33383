import type { TrainingExamples } from '../data/labelled-example';

/**
 * - fused: one shared trunk, both heads on top (the seed's default; the learner representation is shared).
 * - dual-stream: two independent towers, nothing shared — the baseline that shows whether sharing helps.
 * - hybrid: shared trunk, then a small private tower per head before its output.
 */
export type FusionMode = 'fused' | 'dual-stream' | 'hybrid';

export interface SatisfactionModelOptions {
  /** Encoded row width (FeatureEncoder.width). */
  inputWidth: number;
  fusion?: FusionMode;
  /** Hidden layer sizes of the shared trunk (fused, hybrid) or of each tower (dual-stream). */
  trunkUnits?: number[];
  /** Hidden layer sizes of each head's private tower in hybrid mode. */
  towerUnits?: number[];
  /** Weight α of the offline loss term. */
  alpha?: number;
  /** Weight β of the online loss term. */
  beta?: number;
  learningRate?: number;
  /** L2 penalty on kernels, added to the loss; 0 disables it. */
  l2?: number;
  /** Seeds weight initialisation and, unless overridden in TrainOptions, shuffling. */
  seed?: number;
}

export type ResolvedModelOptions = Required<SatisfactionModelOptions>;

export function resolveModelOptions(options: SatisfactionModelOptions): ResolvedModelOptions {
  const resolved: ResolvedModelOptions = {
    fusion: 'fused',
    trunkUnits: [64, 32],
    towerUnits: [16],
    alpha: 1,
    beta: 1,
    learningRate: 0.003,
    l2: 0,
    seed: 42,
    ...stripUndefined(options),
    inputWidth: options.inputWidth,
  };
  if (!Number.isInteger(resolved.inputWidth) || resolved.inputWidth <= 0) {
    throw new Error(`inputWidth must be a positive integer, got ${resolved.inputWidth}`);
  }
  if (!['fused', 'dual-stream', 'hybrid'].includes(resolved.fusion)) {
    throw new Error(`Unknown fusion mode "${resolved.fusion}"`);
  }
  if (!(resolved.alpha >= 0 && resolved.beta >= 0) || resolved.alpha + resolved.beta === 0) {
    throw new Error('alpha and beta must be ≥ 0 and not both 0');
  }
  return resolved;
}

export interface TrainOptions {
  epochs?: number;
  batchSize?: number;
  /** Epochs without a validation-loss improvement of at least minDelta before stopping. */
  patience?: number;
  minDelta?: number;
  /** Held-out examples for early stopping; when absent, `validationFraction` of the training set is held out. */
  validation?: TrainingExamples;
  validationFraction?: number;
  /** Shuffle seed; defaults to the model seed. */
  seed?: number;
  onEpochEnd?: (log: EpochLog) => void;
}

export interface EpochLog {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  seconds: number;
}

export interface TrainingHistory {
  epochs: EpochLog[];
  /** Epoch whose weights were kept (best validation loss). */
  bestEpoch: number;
  bestValidationLoss: number;
  stoppedEarly: boolean;
  examplesPerSecond: number;
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
