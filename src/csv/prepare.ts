/**
 * Input → text + dialect, or the refusals that need no parsing (empty file, binary file).
 */
import { decodeBytes, Decoded } from "./decode";
import { LineCounter } from "./lines";
import type { CsvOptions } from "./options";
import { CsvRefusal, refuse } from "./refusals";
import { Dialect, sniff } from "./sniff";

export interface Prepared {
  text: string;
  decoded: Decoded | null;
  dialect: Dialect;
  /** Input size for progress: bytes when given bytes, else characters. */
  totalBytes: number;
}

export function prepare(input: string | Uint8Array, options: CsvOptions): Prepared | CsvRefusal {
  let decoded: Decoded | null = null;
  let text: string;
  if (typeof input === "string") {
    text = input;
  } else {
    if (input.length === 0) return refuse.emptyFile();
    decoded = decodeBytes(input, options.encoding);
    text = decoded.text;
  }
  if (text.length === 0 || (text.length === 1 && text.charCodeAt(0) === 0xfeff)) return refuse.emptyFile();
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    const line = new LineCounter(text).lineAt(nul);
    let lineStart = nul;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
    return refuse.binary(line, nul - lineStart + 1, binaryKind(input));
  }
  return { text, decoded, dialect: sniff(text, options), totalBytes: input.length };
}

/** Names common binary files users pick by mistake, from their first bytes. */
function binaryKind(input: string | Uint8Array): string | null {
  const at = (i: number): number => (typeof input === "string" ? input.charCodeAt(i) : input[i]);
  if (input.length < 4) return null;
  if (at(0) === 0x50 && at(1) === 0x4b && at(2) === 3 && at(3) === 4)
    return "a zip file, such as an Excel workbook (.xlsx)";
  if (at(0) === 0xd0 && at(1) === 0xcf && at(2) === 0x11 && at(3) === 0xe0) return "an Excel 97-2003 workbook (.xls)";
  if (at(0) === 0x25 && at(1) === 0x50 && at(2) === 0x44 && at(3) === 0x46) return "a PDF";
  return null;
}
