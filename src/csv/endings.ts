/**
 * CRs in records papaparse split on "\n" (linebreak.ts). Papaparse reads such a record's
 * CRLF as LF plus a CR left on the last value (when that value is not quoted), and does not
 * end a record at a lone CR. Both are put right here, with the text's offsets, so a CR that
 * is part of a quoted value is never touched.
 */
const CR = 13;
const LF = 10;
const QUOTE = 34;

/** Text looked at per search, so a reader that stops early (sniffing) does not scan the whole text. */
const WINDOW = 64 * 1024;

/**
 * Finds CRs in the text. Questions mostly go forward (record after record), so what was
 * searched is remembered: over a whole pass each character is looked at about once.
 */
export class CarriageReturns {
  /** Searched from here: when `found`, `next` is the first CR at or after `lo`; else none is in [lo, next). */
  private lo = 0;
  private next = 0;
  private found = false;

  constructor(private readonly text: string) {}

  /** Offset of the first CR in [from, to), else -1. */
  firstIn(from: number, to: number): number {
    if (from < this.lo) {
      this.lo = this.next = from;
      this.found = false;
    }
    for (;;) {
      if (this.found && this.next >= from) return this.next < to ? this.next : -1;
      if (!this.found && this.next >= to) return -1;
      // Past `next` nothing was looked at yet (or, when found, only up to the CR at `next`).
      const a = this.found ? from : Math.max(from, this.next);
      const b = Math.min(this.text.length, Math.max(to, a + WINDOW));
      const i = this.text.slice(a, b).indexOf("\r");
      if (a === from) this.lo = from;
      this.found = i >= 0;
      this.next = i >= 0 ? a + i : b;
    }
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
  let c = crs.firstIn(from, to);
  if (c < 0) return "\n";
  let crlfs = 0;
  for (; c >= 0; c = crs.firstIn(c + 1, to)) {
    if (text.charCodeAt(c + 1) !== LF) return null;
    crlfs++;
  }
  // The slice may end between a CR and its LF.
  if (text.charCodeAt(to - 1) === CR) crlfs--;
  let lfs = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) lfs++;
  return lfs === crlfs ? "\r\n" : null;
}
