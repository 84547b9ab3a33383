import * as ingest from '@o2o/ingest';

// Guards the public surface a storing service builds on: renaming or dropping one of these is a breaking change.
describe('@o2o/ingest public API', () => {
  it('exports the door functions', () => {
    for (const name of [
      'validateStatementBatch',
      'statementContentHash',
      'prepareStatementForStorage',
      'normalizeXapiStatement',
      'validateCaliperEnvelope',
      'normalizeCaliperEnvelope',
      'normalizeCaliperEvent',
      'parseEventsCsv',
      'parseOutcomesCsv',
      'courseOutcomeToEvents',
      'runCsvParseBench',
      'limitHeapGrowthForBulkImport',
    ]) {
      expect(typeof (ingest as Record<string, unknown>)[name]).toBe('function');
    }
    expect(ingest.LEARNING_EVENT_TYPES).toContain('media_completed');
  });

  it('goes from an xAPI POST body to events ready to store', () => {
    const body = [{ actor: { mbox: 'mailto:Ann@Example.com' }, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' }, object: { id: 'https://lms.example.edu/quiz/1' } }];
    const validation = ingest.validateStatementBatch(body);
    expect(validation.ok).toBe(true);
    const stored = new Date('2024-05-01T00:00:00Z');
    const [result] = validation.statements.map((s) => ({ hash: ingest.statementContentHash(s), statement: ingest.prepareStatementForStorage(s, { stored }) }));
    const normalized = ingest.normalizeXapiStatement(result.statement);
    expect(normalized).toMatchObject({ kind: 'event', event: { type: 'passed', learnerRef: { issuer: 'mailto', subject: 'ann@example.com' }, occurredAt: stored } });
    expect(result.hash).toHaveLength(64);
  });
});
