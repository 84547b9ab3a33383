import { createHash } from 'crypto';

export const MODEL_JSON_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

/**
 * A saved model as bytes: the TensorFlow.js layers-model `model.json` (topology, weights manifest pointing at
 * weights.bin, and our metadata under userDefinedMetadata) and the raw weights. `sha256` covers both files,
 * model.json first, so a model version row can pin exactly what was evaluated.
 */
export interface ModelArtifactBundle {
  modelJson: Buffer;
  weightsBin: Buffer;
  sha256: string;
}

export class ArtifactChecksumError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Model artifact checksum mismatch: expected ${expected}, got ${actual}`);
    this.name = 'ArtifactChecksumError';
  }
}

export function artifactChecksum(modelJson: Uint8Array, weightsBin: Uint8Array): string {
  return createHash('sha256').update(modelJson).update(weightsBin).digest('hex');
}

/** Throws unless the bytes hash to the bundle's checksum (and to `expected`, when the caller pins one). */
export function verifyArtifactChecksum(bundle: ModelArtifactBundle, expected?: string): void {
  const actual = artifactChecksum(bundle.modelJson, bundle.weightsBin);
  if (actual !== bundle.sha256) throw new ArtifactChecksumError(bundle.sha256, actual);
  if (expected !== undefined && actual !== expected) throw new ArtifactChecksumError(expected, actual);
}
