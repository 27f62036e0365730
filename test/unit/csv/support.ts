/** Paths and small helpers shared by the CSV tests. */
import * as fs from "fs";
import * as path from "path";
import { CsvRefusal, ImportResult, importCsvSync, CsvOptions, sliceRows, CellValue, isRefusal } from "../../../src/csv";

/** The repository root: the nearest folder above this file with a package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

/** Third-party CSV fixtures (csvkit, csvlint; MIT, licences beside them). */
export const FIXTURES_DIR = path.join(repoRoot(), "test", "fixtures", "csv");
/** The USGS files, as bundled (copied verbatim into seeds/). */
export const USGS_DIR = path.join(repoRoot(), "seeds", "usgs");

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(file));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The import's result, failing the test with the refusal's message if it was refused. */
export function imported(input: string | Uint8Array, options: CsvOptions = {}): ImportResult {
  const r = importCsvSync(input, options);
  if (isRefusal(r)) throw new Error(`Refused: ${r.message}`);
  return r;
}

export function refused(input: string | Uint8Array, options: CsvOptions = {}): CsvRefusal {
  const r = importCsvSync(input, options);
  if (!isRefusal(r)) throw new Error(`Expected a refusal, got ${r.rowCount} rows`);
  return r;
}

export function rowsOf(r: ImportResult): CellValue[][] {
  return sliceRows(r);
}

export function column(r: ImportResult, name: string): CellValue[] {
  const c = r.columns.find((x) => x.name === name);
  if (!c) throw new Error(`No column ${name} in ${r.headers.join(", ")}`);
  return Array.from({ length: r.rowCount }, (_, i) => c.values.get(i));
}
