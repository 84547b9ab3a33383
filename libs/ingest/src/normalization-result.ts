import { NormalizedLearningEvent } from './normalized-learning-event';

/**
 * What a normaliser made of one valid input. Valid but unusable inputs are not errors: the door stores them raw
 * and counts them (`unsupported`), and an xAPI voiding statement asks the store to retract an earlier event.
 */
export type NormalizationResult =
  | { kind: 'event'; event: NormalizedLearningEvent }
  | { kind: 'voids'; sourceId: string; voidedStatementId: string }
  | { kind: 'unsupported'; sourceId: string; sourceType: string; reason: string };
