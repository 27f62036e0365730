/**
 * Line ends. Excel ends a record at CRLF, LF or a lone CR, in any mix; papaparse splits on
 * one newline per parse. Per slice of the text, LineEnds says which newline papaparse can
 * read it with as Excel would, or that the slice mixes them (see mixed.ts).
 */
const CR = 13;
const LF = 10;
const QUOTE = 34;

/**
 * Finds one character in the text. Questions mostly go forward (slice after slice, record
 * after record) and the answer is remembered, so over a pass the text is searched about once.
 */
class CharFinder {
  /** `next` is the first occurrence at or after `lo` (Infinity when there is none). */
  private lo = 0;
  private next = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** Offset of the first occurrence in [from, to), else -1. */
  firstIn(from: number, to: number): number {
    if (from < this.lo || this.next < from) {
      const i = this.text.indexOf(this.char, from);
      this.lo = from;
      this.next = i < 0 ? Infinity : i;
    }
    return this.next < to ? this.next : -1;
  }
}

export class LineEnds {
  private readonly crs: CharFinder;
  private readonly lfs: CharFinder;

  constructor(private readonly text: string) {
    this.crs = new CharFinder(text, "\r");
    this.lfs = new CharFinder(text, "\n");
  }

  /**
   * The newline papaparse reads text[from, to) with as Excel would: "\n" when the slice has
   * no CR, "\r" when it has no LF, "\r\n" when every CR and every LF in it make CRLFs;
   * null when it mixes line ends.
   */
  newlineFor(from: number, to: number): "\n" | "\r" | "\r\n" | null {
    const text = this.text;
    if (this.crs.firstIn(from, to) < 0) return "\n";
    // A slice may end between a CR and its LF.
    const crlfAtEnd = text.charCodeAt(to - 1) === CR && text.charCodeAt(to) === LF;
    if (!crlfAtEnd && this.lfs.firstIn(from, to) < 0) return "\r";
    for (let i = this.lfs.firstIn(from, to); i >= 0; i = this.lfs.firstIn(i + 1, to)) {
      if (text.charCodeAt(i - 1) !== CR) return null;
    }
    for (let c = this.crs.firstIn(from, to); c >= 0; c = this.crs.firstIn(c + 1, to)) {
      if (text.charCodeAt(c + 1) !== LF) return null;
    }
    return "\r\n";
  }

  /**
   * Whether the record content [start, end) has a lone CR (one not followed by LF), other
   * than a CR at the very end, which is its CRLF's (or its own line end).
   */
  hasLoneCr(start: number, end: number): boolean {
    const t = this.text;
    for (let c = this.crs.firstIn(start, end - 1); c >= 0; c = this.crs.firstIn(c + 1, end - 1)) {
      if (t.charCodeAt(c + 1) !== LF) return true;
    }
    return false;
  }
}

/**
 * Takes the CR of a CRLF off the record's last value, when papaparse, splitting on LF, left
 * it there: the value was not quoted, so it is exactly the text before `end` and starts the
 * field (at the record's start or after a delimiter, and not with a quote). A quoted value
 * that ends with a CR of its own is never exactly the text before `end` (its closing quote
 * is in between), so it is kept.
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
