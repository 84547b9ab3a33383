import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { MODEL_JSON_FILE, ModelArtifactBundle, verifyArtifactChecksum, WEIGHTS_FILE } from './model-artifacts';

export const CHECKSUM_FILE = 'model.sha256';

/**
 * Writes a bundle as a directory (model.json, weights.bin, model.sha256) atomically: everything goes into a
 * sibling temporary directory, is fsynced, and the directory is renamed into place. Readers therefore see
 * either no version or a complete one. Existing directories are never overwritten: model versions are
 * immutable, a new version gets a new directory.
 */
export async function writeModelArtifacts(dir: string, bundle: ModelArtifactBundle): Promise<string> {
  verifyArtifactChecksum(bundle);
  const target = path.resolve(dir);
  await fs.mkdir(path.dirname(target), { recursive: true });
  if (await exists(target)) throw new Error(`Model directory already exists: ${target}`);
  const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await fs.mkdir(temp);
  try {
    await writeSynced(path.join(temp, MODEL_JSON_FILE), bundle.modelJson);
    await writeSynced(path.join(temp, WEIGHTS_FILE), bundle.weightsBin);
    await writeSynced(path.join(temp, CHECKSUM_FILE), Buffer.from(`${bundle.sha256}\n`));
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { recursive: true, force: true });
    throw err;
  }
  return target;
}

/**
 * Reads a directory written by writeModelArtifacts and verifies the files against model.sha256 and, when
 * given, against `expectedSha256` (the checksum recorded when the version was evaluated).
 */
export async function readModelArtifacts(dir: string, expectedSha256?: string): Promise<ModelArtifactBundle> {
  const [modelJson, weightsBin, checksum] = await Promise.all([
    fs.readFile(path.join(dir, MODEL_JSON_FILE)),
    fs.readFile(path.join(dir, WEIGHTS_FILE)),
    fs.readFile(path.join(dir, CHECKSUM_FILE), 'utf8'),
  ]);
  const bundle = { modelJson, weightsBin, sha256: checksum.trim() };
  verifyArtifactChecksum(bundle, expectedSha256);
  return bundle;
}

async function writeSynced(file: string, data: Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}
