/**
 * The named columns of a seed CSV as its first line prints them, read with papaparse apart
 * from src/: the byte order mark dropped, the blank columns after the last name left out
 * (USGS files carry dozens of them).
 */
import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";
import { seedsDir } from "./paths";

export function seedHeaders(path: string): string[] {
  const body = readFileSync(join(seedsDir, path), "utf8").replace(/^\uFEFF/, "");
  const [names] = Papa.parse<string[]>(body, { preview: 1 }).data;
  while (names.length > 0 && names[names.length - 1] === "") names.pop();
  return names;
}
