import { runCsvParseBench } from './csv-parse-bench';

// The million-row run lives in the bench script; this keeps the bench itself working and checks the counts.
describe('runCsvParseBench', () => {
  it('streams a generated file and reports throughput and memory', async () => {
    const result = await runCsvParseBench({ rows: 20_000, invalidEvery: 1000 });
    expect(result).toMatchObject({ rows: 20_000, rowsAccepted: 19_980, rowsRejected: 20, batches: 20 });
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeGreaterThanOrEqual(result.baselineRssMb);
  });
});
