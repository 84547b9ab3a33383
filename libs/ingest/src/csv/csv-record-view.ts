/**
 * Read access to one CSV record by header name. One instance is reused for every row so a million-row file
 * does not allocate a million field maps; values are trimmed, and an optional column the file lacks reads ''.
 */
export class CsvRecordView {
  private record: string[] = [];

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  reset(record: string[]): this {
    this.record = record;
    return this;
  }

  get(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.record[i] ?? '').trim();
  }
}
