/**
 * Reads a number from a slice of the text without allocating: the import calls this
 * for every cell of a number column, so it works on char codes, not regexes or substrings.
 *
 * Accepted (after trimming spaces): an optional "-" (a leading "+" is text Excel would
 * treat as a formula) or accounting parentheses ("(1,234)" is -1234, as Excel reads it),
 * an optional currency symbol before or after the number ("$1,000", "-$5", "1 000 €"),
 * digits with optional thousand groups (spaces as groups only with a decimal comma, the
 * convention that writes "1 000,5"), an optional decimal part, an optional exponent, an
 * optional "%" (percent, value / 100). Rejected (the cell stays text): leading zeros ("08123"
 * is a code), bad grouping ("1,7" with a decimal point), more than 15 significant digits
 * (Excel keeps 15: "2^53" and longer IDs would silently change), and values outside the
 * normal double range ("1e400", "1e-400": Excel would store infinity or 0).
 */
import { EXCEL_MAX_DIGITS } from "../excel/limits";

// Hot loops read local copies: imported bindings can compile to getter calls (CommonJS interop).
const MAX_DIGITS = EXCEL_MAX_DIGITS;

const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

const SPACE = 32;
const NBSP = 0xa0;
const NARROW_NBSP = 0x202f;
const MINUS = 45;
const PERCENT = 37;
const ZERO = 48;
const NINE = 57;
const OPEN = 40;
const CLOSE = 41;
/** The smallest positive normal double: below it a value loses precision (or becomes 0). */
const MIN_NORMAL = 2.2250738585072014e-308;

/** Currency symbols read before or after a number: dollar, euro, pound, yen, rupee, won. */
function isCurrency(c: number): boolean {
  return c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 0x20b9 || c === 0x20a9;
}

function isSpace(c: number): boolean {
  return c === SPACE || c === NBSP || c === NARROW_NBSP;
}

export class NumberReader {
  /** Fraction digits as written ("1.50" → 2), after the last successful read. */
  decimals = 0;
  /** Whether the last successful read had thousand separators. */
  grouped = false;
  /** Whether the last successful read ended with "%". */
  percent = false;
  /** The currency symbol of the last successful read, "" when it had none. */
  currency = "";
  /** Whether that symbol came after the number ("1 000 €"). */
  currencyAfter = false;
  /** Whether the last successful read used spaces as thousand separators. */
  spaced = false;
  /** Whether the last read (successful or not) held a "." or ",": only then can the other convention read it differently. */
  separators = false;
  /** Whether the last failed read was a number outside the normal double range. */
  outOfRange = false;
  /**
   * Whether the last successful read took the fast path: a plain number or a percentage, so
   * no currency and no space groups. A column reading millions of cells decides those
   * without asking its type again.
   */
  plain = false;
  /** Whether currency, currencyAfter or spaced may be set: the fast path resets them only then. */
  private marked = false;

  private readonly decimalCode: number;
  private readonly groupCode: number;

  /** decimalComma: "3,5" is 3.5 and "1.234,5" is 1234.5, and spaces may group thousands ("1 234,5"). */
  constructor(readonly decimalComma: boolean) {
    this.decimalCode = decimalComma ? 44 : 46;
    this.groupCode = decimalComma ? 46 : 44;
  }

  /** The value of text[s, e), or NaN when it is not a number this import accepts. */
  read(t: string, s: number, e: number): number {
    // Fast path: [-]digits[,ddd…][.digits][%] with no leading zero, spaces or exponent, and
    // at most 15 digits in all, so the digits are exact as one integer. Its value is the same
    // rational as readFull's (which leaves out trailing fraction zeros), and one IEEE division
    // by an exact power of ten rounds it the same way. Anything else goes to readFull.
    let i = s;
    let negative = false;
    if (i < e && t.charCodeAt(i) === MINUS) {
      negative = true;
      i++;
    }
    const intStart = i;
    let m = 0;
    let c = 0;
    for (; i < e; i++) {
      c = t.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      m = m * 10 + (c - ZERO);
    }
    let intDigits = i - intStart;
    // No digits first, or a leading zero followed by digits ("08123" is a code): readFull decides.
    if (intDigits === 0 || (intDigits > 1 && t.charCodeAt(intStart) === ZERO)) return this.readFull(t, s, e);
    let grouped = false;
    if (i < e && c === this.groupCode) {
      // "1,234,567": a first group of 1 to 3 digits (not "0"), then groups of exactly 3.
      if (intDigits > 3 || m === 0) return this.readFull(t, s, e);
      do {
        if (i + 3 >= e) return this.readFull(t, s, e);
        const d1 = t.charCodeAt(i + 1) - ZERO;
        const d2 = t.charCodeAt(i + 2) - ZERO;
        const d3 = t.charCodeAt(i + 3) - ZERO;
        if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || d3 < 0 || d3 > 9) return this.readFull(t, s, e);
        m = m * 1000 + (d1 * 100 + d2 * 10 + d3);
        intDigits += 3;
        i += 4;
        c = i < e ? t.charCodeAt(i) : 0;
      } while (i < e && c === this.groupCode);
      if (c >= ZERO && c <= NINE) return this.readFull(t, s, e);
      grouped = true;
    }
    let fracDigits = 0;
    let percent = false;
    if (i < e) {
      if (c === this.decimalCode) {
        const fracStart = ++i;
        for (; i < e; i++) {
          c = t.charCodeAt(i);
          if (c < ZERO || c > NINE) break;
          m = m * 10 + (c - ZERO);
        }
        fracDigits = i - fracStart;
        if (fracDigits === 0) return this.readFull(t, s, e);
      }
      if (i === e - 1 && c === PERCENT) {
        percent = true;
        i++;
      }
      if (i !== e) return this.readFull(t, s, e);
    }
    if (intDigits + fracDigits > MAX_DIGITS) return this.readFull(t, s, e);
    const k = fracDigits + (percent ? 2 : 0);
    const value = k === 0 ? m : m / POW10[k];
    this.decimals = fracDigits;
    this.grouped = grouped;
    this.percent = percent;
    if (this.marked) {
      this.currency = "";
      this.currencyAfter = false;
      this.spaced = false;
      this.marked = false;
    }
    this.separators = grouped || fracDigits > 0;
    this.plain = true;
    return negative && value !== 0 ? -value : value;
  }

  /** The general reader: spaces, grouping, exponents, "80 %", currency, parentheses, rejections. */
  private readFull(t: string, s: number, e: number): number {
    this.outOfRange = false;
    this.separators = false;
    for (let i = s; i < e; i++) {
      const c = t.charCodeAt(i);
      if (c === 44 || c === 46) {
        this.separators = true;
        break;
      }
    }
    while (s < e && t.charCodeAt(s) === SPACE) s++;
    while (e > s && t.charCodeAt(e - 1) === SPACE) e--;
    if (s === e) return NaN;

    let negative = false;
    if (t.charCodeAt(s) === OPEN) {
      if (t.charCodeAt(e - 1) !== CLOSE) return NaN;
      negative = true; // accounting: "(1,234)"
      s++;
      e--;
    }
    let percent = false;
    if (t.charCodeAt(e - 1) === PERCENT) {
      percent = true;
      e--;
      if (isSpace(t.charCodeAt(e - 1))) e--; // "80 %" (French style)
    }
    if (!negative && s < e && t.charCodeAt(s) === MINUS) {
      negative = true;
      s++;
    }
    let currency = "";
    let currencyAfter = false;
    if (!percent && s < e) {
      if (isCurrency(t.charCodeAt(s))) {
        currency = t[s++];
        if (!negative && s < e && t.charCodeAt(s) === MINUS) {
          negative = true; // "$-5" as well as "-$5"
          s++;
        }
      } else if (isCurrency(t.charCodeAt(e - 1))) {
        currency = t[--e];
        currencyAfter = true;
        if (isSpace(t.charCodeAt(e - 1))) e--; // "1 000 €"
      }
    }
    if (s === e) return NaN;

    let mantissa = 0;
    let significant = 0;
    let intDigits = 0;
    let groupSep = -1;
    let groupLen = 0;
    let i = s;
    const dec = this.decimalCode;
    for (; i < e; i++) {
      const c = t.charCodeAt(i);
      if (c >= ZERO && c <= NINE) {
        if (intDigits === 1 && mantissa === 0) return NaN; // leading zero: a code, not a number
        intDigits++;
        groupLen++;
        if (significant > 0 || c !== ZERO) {
          if (++significant > MAX_DIGITS) return NaN;
          mantissa = mantissa * 10 + (c - ZERO);
        }
        continue;
      }
      if (c === this.groupCode || (this.decimalComma && isSpace(c))) {
        if (intDigits === 0 || mantissa === 0) return NaN; // "0,123" and ",123" are not groupings
        if (groupSep === -1) {
          if (groupLen > 3) return NaN;
          groupSep = c;
        } else if (c !== groupSep || groupLen !== 3) {
          return NaN;
        }
        groupLen = 0;
        continue;
      }
      break;
    }
    if (groupSep !== -1 && groupLen !== 3) return NaN;

    let scale = 0;
    let fracDigits = 0;
    if (i < e && t.charCodeAt(i) === dec) {
      i++;
      let zeros = 0;
      for (; i < e; i++) {
        const c = t.charCodeAt(i);
        if (c < ZERO || c > NINE) break;
        fracDigits++;
        if (c === ZERO) {
          zeros++; // trailing zeros add no precision: only counted once a digit follows
          continue;
        }
        if (significant > 0) {
          significant += zeros + 1;
          if (significant > MAX_DIGITS) return NaN;
          mantissa = mantissa * POW10[zeros + 1] + (c - ZERO);
        } else {
          significant = 1;
          mantissa = c - ZERO;
        }
        scale += zeros + 1;
        zeros = 0;
      }
    }
    if (intDigits === 0 && fracDigits === 0) return NaN;

    let exponent = 0;
    if (i < e && (t.charCodeAt(i) | 0x20) === 101) {
      i++;
      let expNegative = false;
      const sign = t.charCodeAt(i);
      if (sign === MINUS || sign === 43) {
        expNegative = sign === MINUS;
        i++;
      }
      const start = i;
      for (; i < e; i++) {
        const c = t.charCodeAt(i);
        if (c < ZERO || c > NINE) break;
        exponent = exponent * 10 + (c - ZERO);
      }
      if (i === start || i - start > 4) return NaN;
      if (expNegative) exponent = -exponent;
    }
    if (i !== e) return NaN;

    if (percent) exponent -= 2;
    const k = exponent - scale;
    let value: number;
    if (mantissa === 0) value = 0;
    else if (k === 0) value = mantissa;
    // Both operands are exact doubles (mantissa < 10^15, 10^k for k <= 22), so one IEEE
    // operation gives the correctly rounded decimal, the same as Number(text).
    else if (k > 0 && k <= 22) value = mantissa * POW10[k];
    else if (k < 0 && k >= -22) value = mantissa / POW10[-k];
    else value = Number(`${mantissa}e${k}`);
    if (!isFinite(value) || (mantissa !== 0 && value < MIN_NORMAL)) {
      this.outOfRange = true;
      return NaN;
    }

    this.decimals = Math.max(0, fracDigits - exponent - (percent ? 2 : 0));
    this.grouped = groupSep !== -1;
    this.percent = percent;
    this.currency = currency;
    this.currencyAfter = currencyAfter;
    this.spaced = groupSep !== -1 && groupSep !== this.groupCode;
    this.marked = currency !== "" || this.spaced;
    this.plain = false;
    return negative && value !== 0 ? -value : value;
  }
}
