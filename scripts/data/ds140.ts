import type { HistoryRecord } from "../../src/data/types";
import { DS140 } from "../../src/data/vocab";
import { Problems } from "./problems";
import type { Sheet } from "./xlsx";

/**
 * USGS Data Series 140, rare-earth statistics 1900–2020: one sheet, a header row
 * (Year, Production, Imports, Exports, Apparent consumption, Unit value ($/t), Unit value
 * (98$/t), World production), one row per year, then notes. NA (not available) means no
 * figure; W (withheld) is kept as printed text.
 */

const COLUMNS: Record<string, { series: string; unit: string }> = {
  Production: { series: "us mine production", unit: "t REO" },
  Imports: { series: "us imports", unit: "t REO" },
  Exports: { series: "us exports", unit: "t REO" },
  "Apparent consumption": { series: "us apparent consumption", unit: "t REO" },
  "Unit value ($/t)": { series: "us unit value", unit: "USD/t" },
  "Unit value (98$/t)": { series: "us unit value 1998 dollars", unit: "USD/t (1998 dollars)" },
  "World production": { series: "world production", unit: "t REO" },
};

export function readDs140(file: string, sheet: Sheet, problems: Problems): HistoryRecord[] {
  const headerRow = sheet.grid.findIndex((row) => row?.[0] === "Year");
  if (headerRow < 0) {
    problems.add(file, null, 'no header row starting "Year"');
    return [];
  }
  const header = sheet.grid[headerRow].map((h) => (typeof h === "string" ? h.trim() : h));
  for (const [name] of Object.entries(COLUMNS))
    if (!header.includes(name)) problems.add(file, headerRow + 1, `column "${name}" is missing`);
  const out: HistoryRecord[] = [];
  for (let r = headerRow + 1; r < sheet.grid.length; r++) {
    const row = sheet.grid[r] ?? [];
    const year = row[0];
    if (typeof year !== "number") continue; // the notes below the table
    const at = (message: string) => problems.add(file, r + 1, message);
    if (!Number.isInteger(year) || year < 1900 || year > 2100) at(`year ${year} is outside 1900..2100`);
    header.forEach((name, c) => {
      const column = typeof name === "string" ? COLUMNS[name] : undefined;
      if (!column) return;
      const value = row[c];
      if (value === "NA" || value === null) return;
      if (typeof value === "number" && value >= 0) out.push({ ...column, year, value, edition: DS140 });
      else if (value === "W") out.push({ ...column, year, value, edition: DS140 });
      else at(`${name} "${String(value)}" is neither a number >= 0, NA nor W`);
    });
  }
  return out;
}
