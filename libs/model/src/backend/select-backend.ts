import * as path from 'path';
import * as tf from '@tensorflow/tfjs';

/** Backends in the order we prefer them: native TensorFlow, then WASM (SIMD), then pure-JS CPU. */
export type BackendPreference = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

const ORDER: readonly Exclude<BackendPreference, 'auto'>[] = ['tensorflow', 'wasm', 'cpu'];

/**
 * Activates the fastest backend available at run time and returns its name ('tensorflow' | 'wasm' | 'cpu').
 * A preference starts the search at that backend and falls back down the list, so a deployment can pin
 * 'cpu' for bit-for-bit debugging without failing on machines that lack the faster ones.
 * `@tensorflow/tfjs-node` is an optional dependency whose install downloads libtensorflow; where that
 * failed, requiring it throws and we move on.
 */
export async function selectBackend(preference: BackendPreference = 'auto'): Promise<string> {
  // Prod mode skips per-op debug checks and silences the "install tfjs-node" banner: we detect it ourselves.
  tf.env().set('PROD', true);
  const start = preference === 'auto' ? 0 : ORDER.indexOf(preference);
  for (const candidate of ORDER.slice(start)) {
    if (await tryBackend(candidate)) return tf.getBackend();
  }
  throw new Error('No TensorFlow.js backend could be initialised');
}

async function tryBackend(name: Exclude<BackendPreference, 'auto'>): Promise<boolean> {
  if (tf.getBackend() === name && tf.findBackend(name) != null) return true;
  if (name === 'tensorflow') {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@tensorflow/tfjs-node');
    } catch {
      return false;
    }
    return setQuietly('tensorflow');
  }
  if (name === 'wasm') return initWasm();
  return setQuietly('cpu');
}

async function initWasm(): Promise<boolean> {
  let wasm: typeof import('@tensorflow/tfjs-backend-wasm');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    wasm = require('@tensorflow/tfjs-backend-wasm');
  } catch {
    return false;
  }
  if (await setQuietly('wasm')) return true;
  // The default lookup is relative to the loaded script, which breaks when this code is bundled; point it
  // at the .wasm files in node_modules explicitly and retry once.
  try {
    const distDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
    wasm.setWasmPaths(distDir + path.sep);
  } catch {
    return false;
  }
  return setQuietly('wasm');
}

async function setQuietly(name: string): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}
