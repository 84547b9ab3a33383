import * as tf from '@tensorflow/tfjs';
import { randomSplit } from '../data/data-split';
import { assertTrainable, selectExamples, TrainingExamples } from '../data/labelled-example';
import { FeatureEncoder, FeatureEncoderState } from '../features/feature-encoder';
import { artifactChecksum, ModelArtifactBundle, verifyArtifactChecksum, WEIGHTS_FILE } from './model-artifacts';
import {
  ResolvedModelOptions,
  resolveModelOptions,
  SatisfactionModelOptions,
  TrainingHistory,
  TrainOptions,
} from './satisfaction-model.options';
import { buildNetwork, networkFromModel, SatisfactionNetwork } from './satisfaction-network';
import { datasetLoss, PREDICT_CHUNK_ROWS, runTrainingLoop } from './training-loop';

const METADATA_KEY = 'o2oSatisfactionModel';

interface StoredMetadata {
  version: 1;
  options: ResolvedModelOptions;
  encoder: FeatureEncoderState | null;
  extra: Record<string, unknown>;
}

export interface LoadedSatisfactionModel {
  model: SatisfactionModel;
  /** The encoder the model was trained with, when it was saved alongside. */
  encoder: FeatureEncoder | null;
  metadata: Record<string, unknown>;
}

/**
 * Two-head satisfaction model: f = P(satisfied with an offline session), g = P(satisfied with an online item),
 * trained jointly on α·BCE(offline) + β·BCE(online) with per-head masking. Rows are encoder output
 * (FeatureEncoder.width floats each). Call selectBackend() once before creating models.
 */
export class SatisfactionModel {
  private constructor(
    readonly options: ResolvedModelOptions,
    private readonly net: SatisfactionNetwork,
  ) {}

  static create(options: SatisfactionModelOptions): SatisfactionModel {
    const resolved = resolveModelOptions(options);
    return new SatisfactionModel(resolved, buildNetwork(resolved));
  }

  get width(): number {
    return this.options.inputWidth;
  }

  /** Number of trainable parameters. */
  get parameterCount(): number {
    return this.net.full.countParams();
  }

  async train(train: TrainingExamples, opts: TrainOptions = {}): Promise<TrainingHistory> {
    this.assertWidth(train.width);
    assertTrainable(train);
    if (opts.validation) assertTrainable(opts.validation);
    const seed = opts.seed ?? this.options.seed;
    let trainSet = train;
    let validation = opts.validation;
    if (!validation) {
      const fraction = opts.validationFraction ?? 0.1;
      if (fraction > 0 && train.count >= 20) {
        const split = randomSplit(train.count, fraction, seed + 1);
        trainSet = selectExamples(train, split.train);
        validation = selectExamples(train, split.test);
      } else {
        validation = train; // no hold-out requested: early stopping then watches the training loss
      }
    }
    this.assertWidth(validation.width);
    return runTrainingLoop(this.net, this.options, trainSet, validation, {
      epochs: opts.epochs ?? 30,
      batchSize: opts.batchSize ?? 512,
      patience: opts.patience ?? 4,
      minDelta: opts.minDelta ?? 1e-4,
      seed,
      onEpochEnd: opts.onEpochEnd,
    });
  }

  /** P(satisfied with the offline session) for `count` encoded rows. */
  predictOffline(rows: Float32Array, count: number): Float32Array {
    return this.predictHead(this.net.offline, rows, count);
  }

  /** P(satisfied with the online item) for `count` encoded rows. */
  predictOnline(rows: Float32Array, count: number): Float32Array {
    return this.predictHead(this.net.online, rows, count);
  }

  /** Masked α/β loss on a labelled set (what early stopping watches). */
  loss(set: TrainingExamples): { total: number; offline: number; online: number } {
    this.assertWidth(set.width);
    return datasetLoss(this.net, this.options, set);
  }

  /**
   * Serialises to TensorFlow.js layers format in memory. The encoder (vocabularies + normalisation stats)
   * and any caller metadata travel inside model.json so a loaded model can never meet the wrong encoder.
   */
  async save(
    extras: { encoder?: FeatureEncoder; metadata?: Record<string, unknown> } = {},
  ): Promise<ModelArtifactBundle> {
    const stored: StoredMetadata = {
      version: 1,
      options: this.options,
      encoder: extras.encoder?.toJSON() ?? null,
      extra: extras.metadata ?? {},
    };
    let captured: tf.io.ModelArtifacts | undefined;
    await this.net.full.save(
      tf.io.withSaveHandler(async (artifacts) => {
        captured = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    if (!captured?.weightData || !captured.weightSpecs) throw new Error('Model save produced no weights');
    const weightsBin = Buffer.from(tf.io.CompositeArrayBuffer.join(captured.weightData));
    const modelJson = Buffer.from(
      JSON.stringify({
        format: captured.format,
        generatedBy: captured.generatedBy,
        convertedBy: captured.convertedBy ?? null,
        modelTopology: captured.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: captured.weightSpecs }],
        userDefinedMetadata: { [METADATA_KEY]: stored },
      }),
    );
    return { modelJson, weightsBin, sha256: artifactChecksum(modelJson, weightsBin) };
  }

  /** Verifies the checksum (and `expectedSha256` if given) before anything is parsed. */
  static async load(bundle: ModelArtifactBundle, expectedSha256?: string): Promise<LoadedSatisfactionModel> {
    verifyArtifactChecksum(bundle, expectedSha256);
    const json = JSON.parse(bundle.modelJson.toString('utf8')) as tf.io.ModelJSON;
    const stored = json.userDefinedMetadata?.[METADATA_KEY] as StoredMetadata | undefined;
    if (!stored || stored.version !== 1) throw new Error('model.json is not a satisfaction model (metadata missing)');
    const bin = bundle.weightsBin;
    const full = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
      }),
    );
    const model = new SatisfactionModel(resolveModelOptions(stored.options), networkFromModel(full));
    const encoder = stored.encoder ? FeatureEncoder.fromJSON(stored.encoder) : null;
    if (encoder && encoder.width !== model.width) throw new Error('Saved encoder width does not match the model');
    return { model, encoder, metadata: stored.extra };
  }

  dispose(): void {
    this.net.full.dispose();
  }

  private predictHead(head: tf.LayersModel, rows: Float32Array, count: number): Float32Array {
    const width = this.width;
    if (!Number.isInteger(count) || count < 0 || rows.length < count * width) {
      throw new Error(`Expected ${count} rows of width ${width} (${count * width} floats), got ${rows.length}`);
    }
    const out = new Float32Array(count);
    for (let start = 0; start < count; start += PREDICT_CHUNK_ROWS) {
      const end = Math.min(count, start + PREDICT_CHUNK_ROWS);
      const probs = tf.tidy(() => {
        const x = tf.tensor2d(rows.subarray(start * width, end * width), [end - start, width]);
        return tf.sigmoid(head.predictOnBatch(x) as tf.Tensor).dataSync(); // predict() would re-batch by 32
      });
      out.set(probs, start);
    }
    return out;
  }

  private assertWidth(width: number): void {
    if (width !== this.width) throw new Error(`Rows have width ${width}, model expects ${this.width}`);
  }
}
