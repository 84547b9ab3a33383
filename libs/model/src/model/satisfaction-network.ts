import * as tf from '@tensorflow/tfjs';
import type { ResolvedModelOptions } from './satisfaction-model.options';

/** Names of the two output layers; both emit logits (sigmoid is applied at prediction time). */
export const OFFLINE_OUTPUT = 'offline_logit';
export const ONLINE_OUTPUT = 'online_logit';

/**
 * The full two-output network plus one single-output view per head. The views share the same layer objects
 * (and weights), so predicting one head does not pay for the other head's tower.
 */
export interface SatisfactionNetwork {
  full: tf.LayersModel;
  offline: tf.LayersModel;
  online: tf.LayersModel;
}

export function buildNetwork(options: ResolvedModelOptions): SatisfactionNetwork {
  let layerIndex = 0;
  // Each layer gets its own derived seed; one shared seed would give every layer the same initial pattern.
  const dense = (units: number, name: string, activation: 'relu' | 'linear') =>
    tf.layers.dense({
      units,
      name,
      activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed * 1009 + ++layerIndex }),
      biasInitializer: 'zeros',
    });
  const stack = (x: tf.SymbolicTensor, units: number[], prefix: string) =>
    units.reduce((h, u, i) => dense(u, `${prefix}_${i + 1}`, 'relu').apply(h) as tf.SymbolicTensor, x);

  const input = tf.input({ shape: [options.inputWidth], name: 'features' });
  let offlineHidden: tf.SymbolicTensor;
  let onlineHidden: tf.SymbolicTensor;
  switch (options.fusion) {
    case 'fused':
      offlineHidden = onlineHidden = stack(input, options.trunkUnits, 'trunk');
      break;
    case 'dual-stream':
      offlineHidden = stack(input, options.trunkUnits, 'offline_stream');
      onlineHidden = stack(input, options.trunkUnits, 'online_stream');
      break;
    case 'hybrid': {
      const trunk = stack(input, options.trunkUnits, 'trunk');
      offlineHidden = stack(trunk, options.towerUnits, 'offline_tower');
      onlineHidden = stack(trunk, options.towerUnits, 'online_tower');
      break;
    }
  }
  const offline = dense(1, OFFLINE_OUTPUT, 'linear').apply(offlineHidden) as tf.SymbolicTensor;
  const online = dense(1, ONLINE_OUTPUT, 'linear').apply(onlineHidden) as tf.SymbolicTensor;
  return networkFromModel(tf.model({ inputs: input, outputs: [offline, online], name: 'satisfaction' }));
}

/** Rebuilds the per-head views of a full network, e.g. after loading it from artifacts. */
export function networkFromModel(full: tf.LayersModel): SatisfactionNetwork {
  const outputNames = full.outputLayers.map((l) => l.name);
  const at = (name: string) => {
    const i = outputNames.indexOf(name);
    if (i < 0) throw new Error(`Model has no output layer "${name}" (outputs: ${outputNames.join(', ')})`);
    return full.outputs[i];
  };
  return {
    full,
    offline: tf.model({ inputs: full.inputs, outputs: at(OFFLINE_OUTPUT) }),
    online: tf.model({ inputs: full.inputs, outputs: at(ONLINE_OUTPUT) }),
  };
}
