/**
 * The CSV tokenizer: splits the text into records and records into field boundaries,
 * one record per nextRow() call. It stores offsets, not strings, so a cell the import
 * converts to a number is never copied out of the text.
 *
 * Dialect: RFC 4180 plus what Excel accepts. Records end at CRLF, LF or a lone CR (old Mac
 * files) in any mix; a quoted field may hold delimiters, line breaks and doubled quotes;
 * a quote inside an unquoted field is literal (ab"c); text after a closing quote is kept
 * ("ab"c → abc), as Excel does.
 */
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Slice of the text is the value. */
export const FIELD_PLAIN = 0;
/** Quoted without doubled quotes: the slice between the quotes is the value. */
export const FIELD_QUOTED = 1;
/** Quoted with doubled quotes to undo. */
export const FIELD_ESCAPED = 2;
/** Quoted, then more text after the closing quote: decoded by decodeComplex. */
export const FIELD_COMPLEX = 3;

/**
 * Fields stored per record. Past this only whether a field is non-empty is tracked, so a
 * line of a million commas costs no memory; Excel has 16,384 columns, one more shows the overflow.
 */
export const STORED_FIELDS = 16_385;

export class CsvScanner {
  /** Offset of the next record. */
  pos: number;
  /** Offset where the current record starts. */
  rowStart = 0;
  /** Fields in the current record (all of them, also past STORED_FIELDS). */
  count = 0;
  /** Index of the last non-empty field, -1 when the record is blank. */
  lastNonEmpty = -1;
  /** Offset of an opening quote that never closes (the record runs to the end), else -1. */
  unclosedQuoteAt = -1;
  /** Field index of that quote. */
  unclosedQuoteField = -1;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  kinds = new Uint8Array(64);

  private readonly delim: number;
  private readonly length: number;

  constructor(
    readonly text: string,
    delimiter: string,
    start = 0,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
      throw new Error(`Unusable CSV delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delim = delimiter.charCodeAt(0);
    this.length = text.length;
    this.pos = start;
  }

  /** Reads the next record; false at the end of the text. */
  nextRow(): boolean {
    const t = this.text;
    const n = this.length;
    const d = this.delim;
    let p = this.pos;
    if (p >= n) return false;
    this.rowStart = p;
    let count = 0;
    let lastNonEmpty = -1;
    let cap = this.starts.length;
    for (;;) {
      let fieldStart = p;
      let fieldEnd: number;
      let kind = FIELD_PLAIN;
      let c = p < n ? t.charCodeAt(p) : -1;
      if (c === QUOTE) {
        let q = p + 1;
        kind = FIELD_QUOTED;
        for (;;) {
          const close = t.indexOf('"', q);
          if (close < 0) {
            this.unclosedQuoteAt = p;
            this.unclosedQuoteField = count;
            fieldStart = p + 1;
            fieldEnd = n;
            p = n;
            c = -1;
            break;
          }
          if (close + 1 < n && t.charCodeAt(close + 1) === QUOTE) {
            kind = FIELD_ESCAPED;
            q = close + 2;
            continue;
          }
          fieldStart = p + 1;
          fieldEnd = close;
          p = close + 1;
          c = p < n ? t.charCodeAt(p) : -1;
          if (c !== d && c !== LF && c !== CR && c !== -1) {
            // Text after the closing quote: keep it, as Excel does.
            kind = FIELD_COMPLEX;
            fieldStart--;
            while (p < n) {
              c = t.charCodeAt(p);
              if (c === d || c === LF || c === CR) break;
              p++;
            }
            if (p >= n) c = -1;
            fieldEnd = p;
          }
          break;
        }
      } else {
        while (c !== d && c !== LF && c !== CR && c !== -1) {
          c = ++p < n ? t.charCodeAt(p) : -1;
        }
        fieldEnd = p;
      }
      if (fieldEnd > fieldStart || kind === FIELD_COMPLEX) lastNonEmpty = count;
      if (count < cap) {
        this.starts[count] = fieldStart;
        this.ends[count] = fieldEnd;
        this.kinds[count] = kind;
      } else if (cap < STORED_FIELDS) {
        cap = this.grow(count);
        this.starts[count] = fieldStart;
        this.ends[count] = fieldEnd;
        this.kinds[count] = kind;
      }
      count++;
      if (c === d) {
        p++;
        continue;
      }
      if (c === CR) {
        p++;
        if (p < n && t.charCodeAt(p) === LF) p++;
      } else if (c === LF) {
        p++;
      }
      break;
    }
    this.pos = p;
    this.count = count;
    this.lastNonEmpty = lastNonEmpty;
    return true;
  }

  /** Whether the current record has field i and it is not empty. */
  nonEmpty(i: number): boolean {
    return i < this.count && i < STORED_FIELDS && (this.ends[i] > this.starts[i] || this.kinds[i] === FIELD_COMPLEX);
  }

  /** Length of field i's value (the decoded one for escaped fields). */
  fieldLength(i: number): number {
    const kind = this.kinds[i];
    return kind === FIELD_PLAIN || kind === FIELD_QUOTED ? this.ends[i] - this.starts[i] : this.field(i).length;
  }

  /** The value of field i of the current record as a string ("" past the record's end). */
  field(i: number): string {
    if (i >= this.count || i >= STORED_FIELDS) return "";
    const s = this.starts[i];
    const e = this.ends[i];
    switch (this.kinds[i]) {
      case FIELD_PLAIN:
      case FIELD_QUOTED:
        return this.text.slice(s, e);
      case FIELD_ESCAPED:
        return this.text.slice(s, e).replace(/""/g, '"');
      default:
        return decodeComplex(this.text, s, e);
    }
  }

  private grow(needed: number): number {
    const cap = Math.min(STORED_FIELDS, Math.max(needed + 1, this.starts.length * 2));
    const starts = new Int32Array(cap);
    const ends = new Int32Array(cap);
    const kinds = new Uint8Array(cap);
    starts.set(this.starts);
    ends.set(this.ends);
    kinds.set(this.kinds);
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
    return cap;
  }
}

/** `"ab""c"def` → `ab"cdef`: the quoted part unescaped, the rest literal. */
function decodeComplex(t: string, s: number, e: number): string {
  let out = "";
  let i = s + 1;
  for (;;) {
    const close = t.indexOf('"', i);
    if (close + 1 < e && t.charCodeAt(close + 1) === QUOTE) {
      out += t.slice(i, close + 1);
      i = close + 2;
      continue;
    }
    return out + t.slice(i, close) + t.slice(close + 1, e);
  }
}
