/**
 * Dates to Excel serial numbers (1900 date system: serial 1 = 1900-01-01, 45292 = 2024-01-01).
 * Read on char codes for the same reason as numbers.ts: it runs once per cell.
 *
 * Accepted: ISO yyyy-mm-dd (and yyyy/mm/dd), and d/m/yyyy or m/d/yyyy with "/", "." or "-"
 * as separator, one or two digits for day and month. Two-digit years and times are left as
 * text: guessing the century or a time zone would change what the file says.
 */
export type DateOrder = "dmy" | "mdy";

/** Classification bits a date-looking cell can carry (see cells.ts). */
export const DATE_ISO = 4;
export const DATE_DMY = 8;
export const DATE_MDY = 16;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const EPOCH_1899_12_30 = daysFromCivil(1899, 12, 30);
const MARCH_1_1900 = daysFromCivil(1900, 3, 1);

/**
 * Excel serial of a valid date from 1900-01-01 on. Excel counts a 29 February 1900 that
 * never was (Lotus compatibility), so dates before March 1900 are one lower.
 */
export function excelSerial(y: number, m: number, d: number): number {
  const days = daysFromCivil(y, m, d);
  return days - EPOCH_1899_12_30 - (days < MARCH_1_1900 ? 1 : 0);
}

function digit(t: string, i: number): number {
  const c = t.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Parsed parts of the last date-like slice (scratch fields: no allocation per cell). */
export class DateReader {
  private a = 0;
  private b = 0;
  private y = 0;

  /**
   * Classifies text[s, e): DATE_ISO|DATE_DMY|DATE_MDY for a valid ISO date (it is
   * unambiguous, so it fits either order), DATE_DMY and/or DATE_MDY for d/m/y or m/d/y
   * readings that are valid dates, 0 otherwise.
   */
  classify(t: string, s: number, e: number): number {
    while (s < e && t.charCodeAt(s) === 32) s++;
    while (e > s && t.charCodeAt(e - 1) === 32) e--;
    const n = e - s;
    if (n < 8 || n > 10) return 0;
    // yyyy-mm-dd or yyyy/mm/dd
    if (n === 10 && digit(t, s) >= 0 && digit(t, s + 3) >= 0) {
      const sep = t.charCodeAt(s + 4);
      if ((sep === 45 || sep === 47) && t.charCodeAt(s + 7) === sep) {
        const y = this.number(t, s, s + 4);
        const m = this.number(t, s + 5, s + 7);
        const d = this.number(t, s + 8, s + 10);
        if (y < 0 || m < 0 || d < 0 || !validDate(y, m, d)) return 0;
        this.y = y;
        this.a = d;
        this.b = m;
        return DATE_ISO | DATE_DMY | DATE_MDY;
      }
      // fall through: "01/02/2024" is also 10 long
    }
    // a{1,2} sep b{1,2} sep yyyy
    let i = s;
    while (i < e && i - s < 3 && digit(t, i) >= 0) i++;
    const aLen = i - s;
    if (aLen < 1 || aLen > 2 || i >= e) return 0;
    const sep = t.charCodeAt(i);
    if (sep !== 47 && sep !== 46 && sep !== 45) return 0;
    const bStart = i + 1;
    i = bStart;
    while (i < e && i - bStart < 3 && digit(t, i) >= 0) i++;
    const bLen = i - bStart;
    if (bLen < 1 || bLen > 2 || i >= e || t.charCodeAt(i) !== sep || e - (i + 1) !== 4) return 0;
    const a = this.number(t, s, s + aLen);
    const b = this.number(t, bStart, bStart + bLen);
    const y = this.number(t, i + 1, e);
    if (y < 0) return 0;
    this.a = a;
    this.b = b;
    this.y = y;
    return (validDate(y, b, a) ? DATE_DMY : 0) | (validDate(y, a, b) ? DATE_MDY : 0);
  }

  /** Serial of text[s, e) read in the given order, or NaN when it is not such a date. */
  read(t: string, s: number, e: number, order: DateOrder): number {
    // Fast paths for dates written without spaces; anything else is left to classify.
    const n = e - s;
    if (n >= 8 && n <= 10) {
      if (n === 10) {
        const sep = t.charCodeAt(s + 4);
        if ((sep === 45 || sep === 47) && t.charCodeAt(s + 7) === sep) {
          const y = this.number(t, s, s + 4);
          const m = this.number(t, s + 5, s + 7);
          const d = this.number(t, s + 8, s + 10);
          if (y >= 0 && m >= 0 && d >= 0) return validDate(y, m, d) ? excelSerial(y, m, d) : NaN;
        }
      }
      // a{1,2} sep b{1,2} sep yyyy (n >= 8 keeps every index below up to the year inside the slice)
      let a = digit(t, s);
      let i = s + 1;
      if (a >= 0) {
        let c = digit(t, i);
        if (c >= 0) {
          a = a * 10 + c;
          i++;
        }
        const sep = t.charCodeAt(i);
        if (sep === 47 || sep === 46 || sep === 45) {
          let b = digit(t, ++i);
          if (b >= 0) {
            c = digit(t, ++i);
            if (c >= 0) {
              b = b * 10 + c;
              i++;
            }
            if (t.charCodeAt(i) === sep && e - i === 5) {
              const y = this.number(t, i + 1, e);
              if (y >= 0) {
                if (order === "dmy") return validDate(y, b, a) ? excelSerial(y, b, a) : NaN;
                return validDate(y, a, b) ? excelSerial(y, a, b) : NaN;
              }
            }
          }
        }
      }
    }
    const bits = this.classify(t, s, e);
    if (bits & DATE_ISO) return excelSerial(this.y, this.b, this.a);
    if (order === "dmy") return bits & DATE_DMY ? excelSerial(this.y, this.b, this.a) : NaN;
    return bits & DATE_MDY ? excelSerial(this.y, this.a, this.b) : NaN;
  }

  private number(t: string, s: number, e: number): number {
    let v = 0;
    for (let i = s; i < e; i++) {
      const d = digit(t, i);
      if (d < 0) return -1;
      v = v * 10 + d;
    }
    return v;
  }
}
