/**
 * NLU benchmark: module load, training time (both languages), understand() latency and held-out accuracy
 * per intent. Run after a build: `npm run build && node dist/bot/bench/nlu.bench.js`.
 */
import { TEST_CATALOGUE } from '../src/nlu/catalogue.fixture';
import enHeldOut from '../src/nlu/corpus/en.held-out.json';
import zhHeldOut from '../src/nlu/corpus/zh.held-out.json';

// Required, not imported, so the time to load node-nlp (part of start-up, not of training) can be measured.
const loadStarted = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { NluService } = require('../src/nlu/nlu.service') as typeof import('../src/nlu/nlu.service');
const loadMs = performance.now() - loadStarted;

const nlu = new NluService();
const report = nlu.train();
const options = { catalogue: TEST_CATALOGUE, now: new Date('2026-12-04T02:00:00Z'), timeZone: 'Asia/Shanghai' };

const samples = ['这周末上海有Python的工作坊吗', 'book the second one', 'cancel', 'my code is 4F7K2Q', '下周六北京有活动吗'];
const rounds = 5000;
const started = performance.now();
for (let i = 0; i < rounds; i += 1) nlu.understand(samples[i % samples.length], options);
const perCallUs = ((performance.now() - started) / rounds) * 1000;

console.log(`module load ${Math.round(loadMs)} ms (node-nlp), training ${report.ms} ms`);
for (const l of report.languages) console.log(`  ${l.language}: ${l.utterances} utterances, ${l.features} features, ${l.iterations} epochs, ${l.ms} ms`);
console.log(`understand(): ${perCallUs.toFixed(0)} µs per message`);

for (const [heldOut, locale] of [[enHeldOut, 'en-US'], [zhHeldOut, 'zh-CN']] as const) {
  let right = 0;
  let total = 0;
  const rows: string[] = [];
  for (const [intent, utterances] of Object.entries(heldOut.intents as Record<string, string[]>)) {
    const ok = utterances.filter((u) => nlu.understand(u, { ...options, locale }).intent === intent).length;
    right += ok;
    total += utterances.length;
    rows.push(`${intent.padEnd(24)} ${ok}/${utterances.length}`);
  }
  console.log(`\nheld-out ${heldOut.language}: ${right}/${total} (${((right / total) * 100).toFixed(1)}%)\n  ${rows.join('\n  ')}`);
}
