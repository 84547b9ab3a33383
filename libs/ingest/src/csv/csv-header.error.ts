/** The file's header does not match the documented column set; nothing of the file is imported. */
export class CsvHeaderError extends Error {
  constructor(
    readonly fileKey: string,
    readonly problems: { missing?: readonly string[]; unknown?: readonly string[]; duplicate?: readonly string[]; empty?: boolean },
    readonly expected: string,
  ) {
    const parts = problems.empty
      ? ['the file is empty (no header row)']
      : [
          problems.missing?.length ? `missing required column(s): ${problems.missing.join(', ')}` : '',
          problems.unknown?.length ? `unknown column(s): ${problems.unknown.join(', ')}` : '',
          problems.duplicate?.length ? `repeated column(s): ${problems.duplicate.join(', ')}` : '',
        ].filter(Boolean);
    super(`${fileKey}: ${parts.join('; ')}. Expected header: ${expected}`);
    this.name = 'CsvHeaderError';
  }
}
