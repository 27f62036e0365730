/**
 * CRs in records papaparse split on "\n" (linebreak.ts). Papaparse reads such a record's
 * CRLF as LF plus a CR left on the last value (when that value is not quoted), and does not
 * end a record at a lone CR. Both are put right here, with the text's offsets, so a CR that
 * is part of a quoted value is never touched.
 */
const CR = 13;
const LF = 10;
const QUOTE = 34;

/**
 * Finds CRs in the text. Questions mostly go forward (record after record) and the answer is
 * remembered, so over a pass the text is searched about once. Readers that start over at the
 * same place (sniffing's) can share one.
 */
export class CarriageReturns {
  /** `next` is the first CR at or after `lo` (the text's length when there is none). */
  private lo = 0;
  private next = -1;

  constructor(private readonly text: string) {}

  /** Offset of the first CR in [from, to), else -1. */
  firstIn(from: number, to: number): number {
    if (from < this.lo || this.next < from) {
      const i = this.text.indexOf("\r", from);
      this.lo = from;
      this.next = i < 0 ? this.text.length : i;
    }
    return this.next < to ? this.next : -1;
  }

  /**
   * Whether the record content [start, end) has a CR that ends a record: one not followed
   * by LF (a CRLF inside a record is inside quotes, or papaparse would have split there),
   * other than the CR of the record's own CRLF at the very end.
   */
  hasLoneCr(start: number, end: number): boolean {
    const t = this.text;
    for (let c = this.firstIn(start, end - 1); c >= 0; c = this.firstIn(c + 1, end - 1)) {
      if (t.charCodeAt(c + 1) !== LF) return true;
    }
    return false;
  }
}

/**
 * Takes the CR of a CRLF off the record's last value, when papaparse left it there: the value
 * was not quoted, so it is exactly the text before `end` and starts the field (at the record's
 * start or after a delimiter, and not with a quote). A quoted value that ends with a CR of its
 * own is never exactly the text before `end` (its closing quote is in between), so it is kept.
 */
export function dropCrOfCrlf(fields: string[], text: string, start: number, end: number, delimiter: number): void {
  const last = fields.length - 1;
  const v = fields[last];
  const n = v.length;
  if (n === 0 || v.charCodeAt(n - 1) !== CR) return;
  const p = end - n;
  if (p < start || text.charCodeAt(p) === QUOTE) return;
  if (p > start && text.charCodeAt(p - 1) !== delimiter) return;
  if (text.startsWith(v, p)) fields[last] = v.slice(0, n - 1);
}

/**
 * The newline papaparse can read text[from, to) with, as Excel would: "\n" when the slice
 * has no CR, "\r\n" when every CR in it is part of a CRLF and every LF too; null when it
 * mixes line ends (the reader then puts CRs right record by record, see mixed.ts).
 */
export function sliceNewline(crs: CarriageReturns, text: string, from: number, to: number): "\n" | "\r\n" | null {
  if (crs.firstIn(from, to) < 0) return "\n";
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) {
    if (text.charCodeAt(i - 1) !== CR) return null;
  }
  // A CR at the slice's end may have its LF just after it.
  for (let c = crs.firstIn(from, to); c >= 0; c = crs.firstIn(c + 1, to)) {
    if (text.charCodeAt(c + 1) !== LF) return null;
  }
  return "\r\n";
}
