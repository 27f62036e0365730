import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Reads the first worksheet of an .xlsx seed with exceljs (a dev dependency, never in a
 * shipped bundle) as a grid of plain values: formula cells give their stored result, rich
 * text its characters. exceljs only loads asynchronously, and the compile step is
 * synchronous so tests can call it directly, so the read runs in a child Node process; its
 * answer is cached by the file's sha256 under node_modules/.cache.
 */
export type SheetValue = string | number | null;

const READER = `
const ExcelJS = require("exceljs");
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks));
  const ws = wb.worksheets[0];
  const plain = (v) => {
    if (v === null || v === undefined) return null;
    if (typeof v === "number" || typeof v === "string") return v;
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return plain(v.result);
    return String(v);
  };
  const grid = [];
  ws.eachRow({ includeEmpty: true }, (row, i) => {
    const values = [];
    for (let c = 1; c <= ws.columnCount; c++) values.push(plain(row.getCell(c).value));
    grid[i - 1] = values;
  });
  process.stdout.write(JSON.stringify({ name: ws.name, grid }));
});
`;

export interface Sheet {
  name: string;
  grid: SheetValue[][];
}

const cacheDir = join(__dirname, "..", "..", "node_modules", ".cache", "rare-xlsx");

export function readFirstSheet(bytes: Uint8Array): Sheet {
  const hash = createHash("sha256").update(bytes).digest("hex");
  const cached = join(cacheDir, `${hash}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, "utf8")) as Sheet;
  const out = execFileSync(process.execPath, ["-e", READER], {
    input: Buffer.from(bytes),
    cwd: join(__dirname, "..", ".."),
    maxBuffer: 64 * 1024 * 1024,
  });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, out);
  return JSON.parse(out.toString("utf8")) as Sheet;
}
