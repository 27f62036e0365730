/**
 * Test helpers: the project's real seed files, altered copies of them, and datasets
 * compiled in-process (so tests never depend on a stale generated file).
 */
import { readdirSync, readFileSync } from "fs";
import { join, relative, sep } from "path";
import Papa from "papaparse";
import { compileDataset } from "../../../scripts/data/compile";
import type { SeedFile } from "../../../scripts/data/version";
import { RareData } from "../../../src/data/rare-data";
import type { Dataset } from "../../../src/data/types";

export const repoRoot = join(__dirname, "..", "..", "..");
export const seedsDir = join(repoRoot, "seeds");

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export function seedFiles(): SeedFile[] {
  return listFiles(seedsDir).map((path) => ({
    path: relative(repoRoot, path).split(sep).join("/"),
    bytes: new Uint8Array(readFileSync(path)),
  }));
}

export const text = (files: SeedFile[], path: string): string =>
  new TextDecoder().decode(files.find((f) => f.path === path)!.bytes);

/** A copy of the seeds with one file's text replaced. */
export function withText(files: SeedFile[], path: string, edit: (text: string) => string): SeedFile[] {
  const before = text(files, path);
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  return files.map((f) => (f.path === path ? { path, bytes: new TextEncoder().encode(after) } : f));
}

/** A copy of the seeds with the first `from` in `path` replaced by `to`, and the 1-based line of that edit. */
export function withEdit(
  files: SeedFile[],
  path: string,
  from: string,
  to: string,
): { files: SeedFile[]; line: number } {
  const before = text(files, path);
  const at = before.indexOf(from);
  if (at < 0) throw new Error(`"${from}" is not in ${path}`);
  return { files: withText(files, path, (t) => t.replace(from, to)), line: before.slice(0, at).split("\n").length };
}

/** The SeedValidationError problems a compile raises ([] when it compiles). */
export function problemsOf(files: SeedFile[]): string[] {
  try {
    compileDataset(files);
    return [];
  } catch (e) {
    return (e as { problems?: string[] }).problems ?? [String(e)];
  }
}

let cached: Dataset | undefined;
export function compiled(): Dataset {
  cached ??= compileDataset(seedFiles());
  return cached;
}

let data: RareData | undefined;
export function rareData(): RareData {
  data ??= new RareData(compiled());
  return data;
}

/** Rows of a CSV as header-keyed records, read independently of the compile code (BOM stripped). */
export function readCsvRecords(path: string): Record<string, string>[] {
  const body = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  return Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h, i) => h || `_${i}`,
  }).data;
}

/** curated/production.csv, the verbatim copy in seeds/. */
export function curatedProductionPath(): string {
  return join(seedsDir, "curated", "production.csv");
}
