/**
 * Bytes → text, as Excel's "From Text/CSV" does it: a byte order mark decides; without one,
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Western Excel files saved
 * "CSV" without UTF-8 are). The note says which and why, so the pane can tell the user.
 * TextDecoder only (no Node Buffer): this runs unchanged in the browser.
 */
export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Whether a byte order mark was found (and removed). */
  bom: boolean;
  /** One sentence for the pane, e.g. "Read as UTF-8 (byte order mark)." */
  note: string;
}

const NAMES: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 little-endian",
  "utf-16be": "UTF-16 big-endian",
  "windows-1252": "Windows-1252 (Western European)",
};

export function encodingName(encoding: Encoding): string {
  return NAMES[encoding];
}

/** Decodes bytes; `encoding` forces one (a matching byte order mark is still removed). */
export function decodeBytes(bytes: Uint8Array, encoding?: Encoding): Decoded {
  const bomEncoding = detectBom(bytes);
  if (encoding) {
    const skip = bomEncoding === encoding ? bomLength(encoding) : 0;
    return {
      text: decode(bytes.subarray(skip), encoding),
      encoding,
      bom: skip > 0,
      note: `Read as ${NAMES[encoding]} (chosen in the import options).`,
    };
  }
  if (bomEncoding) {
    return {
      text: decode(bytes.subarray(bomLength(bomEncoding)), bomEncoding),
      encoding: bomEncoding,
      bom: true,
      note: `Read as ${NAMES[bomEncoding]} (the file starts with a byte order mark).`,
    };
  }
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) {
    return {
      text: decode(bytes, utf16),
      encoding: utf16,
      bom: false,
      note: `Read as ${NAMES[utf16]}: the file has no byte order mark, but every other byte is zero, as in UTF-16 text.`,
    };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: "utf-8", bom: false, note: "Read as UTF-8." };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const where = bad < 0 ? "" : ` (byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, "0")} at offset ${bad})`;
    return {
      text: decode(bytes, "windows-1252"),
      encoding: "windows-1252",
      bom: false,
      note: `Read as ${NAMES["windows-1252"]} because the file is not valid UTF-8${where}.`,
    };
  }
}

function decode(bytes: Uint8Array, encoding: Encoding): string {
  // ignoreBOM: the caller already removed the one it detected; a second one is content.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return encoding === "windows-1252" ? fixWindows1252(text) : text;
}

/** Windows-1252's 0x80-0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ), by byte. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node's TextDecoder (20.x) decodes "windows-1252" as Latin-1, leaving 0x80-0x9F as control
 * characters; browsers map them as WHATWG says. Mapping what is left makes both agree.
 */
function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

function detectBom(b: Uint8Array): Encoding | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}

function bomLength(encoding: Encoding): number {
  return encoding === "utf-8" ? 3 : encoding === "windows-1252" ? 0 : 2;
}

/**
 * UTF-16 without a byte order mark: mostly-ASCII text then has a zero in nearly every other
 * byte, and somewhere a line break or delimiter as a 16-bit unit. Looked at before the NUL
 * check so such a file is read, not refused as binary; strict enough that a zip or xlsx
 * (a few zeros among random bytes) is not taken for text.
 */
function guessBomlessUtf16(b: Uint8Array): Encoding | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  let leMarks = 0;
  let beMarks = 0;
  for (let i = 0; i < n; i += 2) {
    const lo = b[i];
    const hi = b[i + 1];
    if (lo === 0) evenZeros++;
    if (hi === 0) oddZeros++;
    if (hi === 0 && isStructural(lo)) leMarks++;
    if (lo === 0 && isStructural(hi)) beMarks++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.7 && evenZeros === 0 && leMarks > 0) return "utf-16le";
  if (evenZeros >= pairs * 0.7 && oddZeros === 0 && beMarks > 0) return "utf-16be";
  return null;
}

/** Line breaks and the candidate delimiters. */
function isStructural(c: number): boolean {
  return c === 10 || c === 13 || c === 44 || c === 59 || c === 9 || c === 124;
}

/** Offset of the first byte that breaks UTF-8, or -1 (only run after TextDecoder failed). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) return i; // truncated sequence
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
