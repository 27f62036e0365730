/**
 * Shows a cell value the way Excel would under a number format, for the preview. Covers
 * what RARE writes and imports produce: General, fixed decimals, thousands separators,
 * scaling commas, percent, scientific, currency and literal text, up to four sections
 * (positive;negative;zero;text), [Color] and [$…] tags, dates and times. It is en-US
 * (",", "."), whatever the browser's locale, like Office.js `numberFormat` codes.
 * Anything it does not understand falls back to General rather than guessing.
 */
import { isErrorValue, type ComputedValue } from "../excel/values";

export function formatForDisplay(value: ComputedValue | undefined, format = "General"): string {
  if (value === null || value === undefined) return "";
  if (isErrorValue(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const sections = splitSections(format);
  if (typeof value === "string") {
    const text = sections[3] ?? (sections.length === 1 && sections[0].includes("@") ? sections[0] : null);
    return text === null ? value : renderText(text, value);
  }
  return formatNumber(value, sections);
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\" && i + 1 < format.length) {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Tokens of one section: literal text or format characters. */
type Token = { lit: string } | { code: string };

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ lit: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      tokens.push({ lit: section[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      tokens.push({ lit: " " }); // "_)" pads by the width of ")"
      i++;
    } else if (ch === "*") {
      i++; // fill character: no column width to fill here
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const tag = section.slice(i + 1, end < 0 ? section.length : end);
      const currency = /^\$([^-]*)/.exec(tag);
      if (currency && currency[1]) tokens.push({ lit: currency[1] });
      // [Red], [$-409], [>100] and elapsed-time brackets are ignored
      i = end < 0 ? section.length : end;
    } else if (/[$\-+/():!^&'~{}<>= ]/.test(ch)) {
      tokens.push({ lit: ch });
    } else tokens.push({ code: ch });
  }
  return tokens;
}

function renderText(section: string, text: string): string {
  return tokenize(section)
    .map((t) => ("lit" in t ? t.lit : t.code === "@" ? text : t.code))
    .join("");
}

function formatNumber(value: number, sections: string[]): string {
  let section = sections[0];
  let v = value;
  let sign = "";
  if (value < 0 && sections.length >= 2 && sections[1] !== "") {
    section = sections[1];
    v = -value; // the negative section shows the magnitude; its own literals add any sign
  } else if (value === 0 && sections.length >= 3 && sections[2] !== "") {
    section = sections[2];
  } else if (value < 0) {
    v = -value;
    sign = "-";
  }
  const tokens = tokenize(section);
  const codes = tokens
    .filter((t): t is { code: string } => "code" in t)
    .map((t) => t.code.toLowerCase())
    .join("");
  if (codes === "") return tokens.map(tokenText).join(""); // a section of literals only
  const placeholders = /[0#?]/.test(codes);
  if (codes.startsWith("general") || (codes.includes("@") && !placeholders)) return sign + general(v);
  const dateLike = /[ydhs]/.test(codes) || (codes.includes("m") && !placeholders);
  if (dateLike) return formatDate(value, tokens) ?? sign + general(v);
  return sign + formatDigits(v, tokens);
}

/** Excel's General in a default-width column: about 11 characters, else scientific. */
export function general(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = value.toExponential(5).split("e");
    const m = mantissa.replace(/\.?0+$/, "");
    const e = Number(exponent);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const digitsBefore = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - digitsBefore);
  return trimZeros(roundTo(value, decimals).toFixed(decimals));
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** Decimal rounding half away from zero (1.005 → 1.01), as Excel displays. */
function roundTo(value: number, decimals: number): number {
  if (decimals > 15) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  if (!Number.isFinite(shifted)) return value;
  return sign * Number(`${Math.round(shifted)}e-${decimals}`);
}

function formatDigits(value: number, tokens: Token[]): string {
  const placeholder = (t: Token): boolean => "code" in t && /[0#?]/.test(t.code);
  const first = tokens.findIndex(placeholder);
  if (first < 0) return tokens.map(tokenText).join("");
  let last = tokens.length - 1;
  while (!placeholder(tokens[last])) last--;
  let scale = 0; // commas right after the last digit placeholder divide by 1000 each
  let after = last + 1;
  while (after < tokens.length && "code" in tokens[after] && (tokens[after] as { code: string }).code === ",") {
    scale++;
    after++;
  }
  const inner = tokens.slice(first, last + 1);
  if (inner.some((t) => "lit" in t && t.lit === "/")) return general(value); // fractions: not rendered here
  const percents = tokens.filter((t) => "code" in t && t.code === "%").length;
  const prefix = tokens.slice(0, first).map(tokenText).join("");
  const suffix = tokens.slice(after).map(tokenText).join("");
  const v = (value * Math.pow(100, percents)) / Math.pow(1000, scale);

  const pattern = inner.map((t) => ("code" in t ? t.code : t.lit)).join("");
  const sci = /^([0#?.,]*)[eE]([+-])([0#?]+)$/.exec(pattern);
  if (sci) return prefix + scientific(v, sci[1], sci[2], sci[3].length) + suffix;

  const core = inner
    .filter((t) => "code" in t)
    .map((t) => (t as { code: string }).code)
    .join("");
  const dot = core.indexOf(".");
  const intPattern = dot < 0 ? core : core.slice(0, dot);
  const decPattern = dot < 0 ? "" : core.slice(dot + 1).replace(/[^0#?]/g, "");
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minDec = (decPattern.match(/[0?]/g) ?? []).length;

  let [intPart, decPart = ""] = roundTo(v, decPattern.length).toFixed(decPattern.length).split(".");
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  if (intPattern.includes(",")) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  while (decPart.length > minDec && decPart.endsWith("0")) decPart = decPart.slice(0, -1);
  const number = dot < 0 ? intPart : `${intPart}.${decPart}`;
  return prefix + number + suffix;
}

function tokenText(t: Token): string {
  return "lit" in t ? t.lit : t.code;
}

function scientific(value: number, mantissaPattern: string, expSign: string, expDigits: number): string {
  const decimals = Math.max(0, (mantissaPattern.split(".")[1] ?? "").length);
  if (value === 0) return `${(0).toFixed(decimals)}E${expSign === "+" ? "+" : ""}${"0".repeat(expDigits)}`;
  const [m, e] = value.toExponential(decimals).split("e");
  const exp = Number(e);
  const expText = String(Math.abs(exp)).padStart(expDigits, "0");
  return `${m}E${exp < 0 ? "-" : expSign === "+" ? "+" : ""}${expText}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel serial (1900 date system) → calendar parts; serial 60 is Excel's fictitious 1900-02-29. */
export function serialToDate(
  serial: number,
): { y: number; m: number; d: number; weekday: number; hh: number; mm: number; ss: number } | null {
  if (!(serial >= 0 && serial < 2958466)) return null; // Excel's range: 1900-01-00 .. 9999-12-31
  const day = Math.floor(serial);
  let seconds = Math.round((serial - day) * 86400);
  let wholeDay = day;
  if (seconds >= 86400) {
    seconds -= 86400;
    wholeDay++;
  }
  let y: number, m: number, d: number;
  if (wholeDay === 60) [y, m, d] = [1900, 2, 29];
  else {
    const epoch = Date.UTC(1899, 11, wholeDay < 60 ? 31 : 30);
    const date = new Date(epoch + wholeDay * 86400000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  const weekday = (((wholeDay - 1) % 7) + 7) % 7; // serial 1 (1900-01-01) was shown as a Sunday by Excel
  return { y, m, d, weekday, hh: Math.floor(seconds / 3600), mm: Math.floor((seconds % 3600) / 60), ss: seconds % 60 };
}

function formatDate(serial: number, tokens: Token[]): string | null {
  // null (out of Excel's date range) makes the caller fall back to General
  const parts = serialToDate(serial);
  if (!parts) return null;
  const hasAmPm = tokens.some((t) => "code" in t && /^[aA]$/.test(t.code));
  // Merge code characters into runs like "yyyy", "mmm", "AM/PM".
  const runs: Array<{ lit: string } | { code: string }> = [];
  const flat = tokens.map((t) => ("lit" in t ? t : { code: t.code }));
  for (let i = 0; i < flat.length; i++) {
    const t = flat[i];
    if ("lit" in t) {
      runs.push(t);
      continue;
    }
    const lower = t.code.toLowerCase();
    if (lower === "a") {
      // AM/PM or A/P: swallow the rest of the marker
      let j = i;
      let text = "";
      while (
        j < flat.length &&
        ("code" in flat[j]
          ? /[aApPmM]/.test((flat[j] as { code: string }).code)
          : (flat[j] as { lit: string }).lit === "/")
      ) {
        text += "code" in flat[j] ? (flat[j] as { code: string }).code : "/";
        j++;
      }
      runs.push({ code: text.length > 3 ? "AM/PM" : "A/P" });
      i = j - 1;
      continue;
    }
    const prev = runs[runs.length - 1];
    if (prev && "code" in prev && prev.code[0].toLowerCase() === lower) prev.code += t.code;
    else runs.push({ code: t.code });
  }
  const out: string[] = [];
  const hour12 = parts.hh % 12 === 0 ? 12 : parts.hh % 12;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    if ("lit" in r) {
      out.push(r.lit);
      continue;
    }
    const code = r.code.toLowerCase();
    const kind = code[0];
    const n = code.length;
    if (kind === "y") out.push(n <= 2 ? String(parts.y % 100).padStart(2, "0") : String(parts.y));
    else if (kind === "d") {
      out.push(
        n === 1
          ? String(parts.d)
          : n === 2
            ? String(parts.d).padStart(2, "0")
            : n === 3
              ? DAYS[parts.weekday].slice(0, 3)
              : DAYS[parts.weekday],
      );
    } else if (kind === "m") {
      if (n <= 2 && isMinute(runs, i)) out.push(n === 1 ? String(parts.mm) : String(parts.mm).padStart(2, "0"));
      else
        out.push(
          n === 1
            ? String(parts.m)
            : n === 2
              ? String(parts.m).padStart(2, "0")
              : n === 3
                ? MONTHS[parts.m - 1].slice(0, 3)
                : n === 5
                  ? MONTHS[parts.m - 1][0]
                  : MONTHS[parts.m - 1],
        );
    } else if (kind === "h") {
      const h = hasAmPm ? hour12 : parts.hh;
      out.push(n === 1 ? String(h) : String(h).padStart(2, "0"));
    } else if (kind === "s") out.push(n === 1 ? String(parts.ss) : String(parts.ss).padStart(2, "0"));
    else if (code === "am/pm") out.push(parts.hh < 12 ? "AM" : "PM");
    else if (code === "a/p") out.push(parts.hh < 12 ? "A" : "P");
    else out.push(r.code); // separators such as "," or "." stand for themselves
  }
  return out.join("");
}

/** "m"/"mm" means minutes right after an hour or right before a second code. */
function isMinute(runs: Array<{ lit: string } | { code: string }>, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const r = runs[i];
    if ("code" in r) {
      if (r.code[0].toLowerCase() === "h") return true;
      break;
    }
  }
  for (let i = at + 1; i < runs.length; i++) {
    const r = runs[i];
    if ("code" in r) return r.code[0].toLowerCase() === "s";
  }
  return false;
}
