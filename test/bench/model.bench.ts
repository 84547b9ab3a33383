// Satisfaction model throughput on WASM (targets: ≥ 50,000 training examples/s, ≥ 1,000,000 inference rows/s).
// Run: npm run build && node dist/test/bench/model.bench.js
// The logic lives in libs/model/src/bench/model-bench.ts so other callers (CLI, ops checks) can reuse it.
import { runModelBench } from '@o2o/model';

void runModelBench({ backend: 'wasm' }).then((rows) => {
  const worst = (k: 'trainExamplesPerSecond' | 'inferenceRowsPerSecond') => Math.min(...rows.map((r) => r[k]));
  console.log(
    `slowest training: ${worst('trainExamplesPerSecond')} examples/s; ` +
      `slowest inference: ${worst('inferenceRowsPerSecond')} rows/s`,
  );
});
