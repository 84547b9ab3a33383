/**
 * Writes CPLEX LP format text. Two details matter for HiGHS and for other readers of the same file: numbers are
 * written in shortest round-trip form without binary noise (no "NaN" or "Infinity" can slip in), and long
 * expressions are wrapped, because the format allows at most 560 characters per line.
 * Expressions are streamed term by term: the benchmark model has a quarter of a million terms.
 */
const MAX_LINE = 200;

export class LpTextWriter {
  private readonly lines: string[] = [];
  private line = '';
  private terms = 0;

  section(title: 'Maximize' | 'Subject To' | 'Bounds' | 'Generals' | 'End'): void {
    this.lines.push(title);
  }

  /** Starts `name:`; follow with term() calls and close with end(). */
  begin(name: string): void {
    this.line = ` ${name}:`;
    this.terms = 0;
  }

  /**
   * Adds `coefficient variable`; zero coefficients are skipped. `formatted` is formatLpNumber(|coefficient|)
   * when the caller has it cached (scores and probabilities appear in several rows).
   */
  term(coefficient: number, variable: string, formatted?: string): void {
    if (coefficient === 0) return;
    const sign = coefficient < 0 ? '- ' : this.terms === 0 ? '' : '+ ';
    const magnitude = Math.abs(coefficient);
    const number = magnitude === 1 ? '' : `${formatted ?? formatLpNumber(magnitude)} `;
    this.append(`${sign}${number}${variable}`);
    this.terms++;
  }

  /**
   * Ends a constraint with `sense rhs`. A constraint without terms is dropped (LP format cannot express it);
   * the return value says whether a row was written.
   */
  endConstraint(sense: '<=' | '>=' | '=', rhs: number): boolean {
    if (this.terms === 0) return false;
    this.append(`${sense} ${formatLpNumber(rhs)}`);
    this.lines.push(this.line);
    return true;
  }

  /** Ends the objective; an empty objective is written as a zero coefficient on `fallbackVariable`. */
  endObjective(fallbackVariable: string): void {
    if (this.terms === 0) this.append(`0 ${fallbackVariable}`);
    this.lines.push(this.line);
  }

  bound(variable: string, lower: number, upper: number): void {
    if (lower === upper) this.lines.push(` ${variable} = ${formatLpNumber(lower)}`);
    else if (lower === 0) this.lines.push(` ${variable} <= ${formatLpNumber(upper)}`);
    else this.lines.push(` ${formatLpNumber(lower)} <= ${variable} <= ${formatLpNumber(upper)}`);
  }

  /** Variable names separated by spaces, wrapped. */
  names(variables: string[]): void {
    let line = '';
    for (const variable of variables) {
      if (line.length + variable.length + 1 > MAX_LINE) {
        this.lines.push(line);
        line = '';
      }
      line += ` ${variable}`;
    }
    if (line) this.lines.push(line);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }

  private append(token: string): void {
    if (this.line.length + token.length + 1 > MAX_LINE) {
      this.lines.push(this.line);
      this.line = ' ';
    }
    this.line += ` ${token}`;
  }
}

/**
 * Shortest decimal that round-trips after trimming to 15 significant digits, so 0.1 + 0.2 is written as 0.3.
 * Exponent notation (1e-7, 2.5e+21) is valid LP syntax. Non-finite numbers are a bug upstream, so they throw.
 */
export function formatLpNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`LP coefficient must be finite, got ${value}`);
  const trimmed = Number(value.toPrecision(15));
  return Object.is(trimmed, -0) ? '0' : String(trimmed);
}
