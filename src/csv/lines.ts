/** Line breaks inside a value (CRLF, LF and a lone CR count one each), for the line a later cell starts on. */
export function lineBreaks(value: string): number {
  let n = 0;
  for (let i = value.indexOf("\n"); i >= 0; i = value.indexOf("\n", i + 1)) n++;
  for (let i = value.indexOf("\r"); i >= 0; i = value.indexOf("\r", i + 1)) if (value.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/**
 * Offset → physical line number, for messages ("line 7"). Rows and lines differ when quoted
 * fields hold line breaks, and counting lines on every record would slow the hot loop, so
 * lines are counted lazily, forward from the last question (questions come in file order).
 */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** 1-based line of the character at `offset`; CRLF, LF and a lone CR each end a line. */
  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const t = this.text;
    let line = this.line;
    for (let i = this.offset; i < offset; i++) {
      const c = t.charCodeAt(i);
      if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) line++;
    }
    this.offset = offset;
    this.line = line;
    return line;
  }
}
