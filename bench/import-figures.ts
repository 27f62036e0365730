/**
 * The CSV import bench (bench/import.ts, owned by the import's author) as figures for the
 * suite's table, with the targets that bench states: importCsv within 1.5× of Papa.parse,
 * peak memory within 3× the file size.
 */
import type { Figure } from "./figures";
import type { ImportBenchResult } from "./import";

export const IMPORT_SECTION = "CSV import (bench/import.ts)";

export function importFigures(r: ImportBenchResult): Figure[] {
  const s = IMPORT_SECTION;
  const size = `${r.sizeMB.toFixed(1)} MB, ${r.rows.toLocaleString("en-US")} rows × ${r.columns}`;
  return [
    {
      section: s,
      name: "Papa.parse(text), baseline",
      value: r.papaMedianMs,
      unit: "ms",
      digits: 0,
      note: `median of ${r.runs}, alternating with importCsv; ${size}`,
    },
    {
      section: s,
      name: "importCsv (parse + type)",
      value: r.importMedianMs,
      unit: "ms",
      digits: 0,
      note: `${r.importMBps.toFixed(1)} MB/s`,
    },
    { section: s, name: "importCsv / Papa.parse", value: r.ratio, unit: "×", digits: 2, max: 1.5 },
    {
      section: s,
      name: "analyseAsync (full scan)",
      value: r.analyseMedianMs,
      unit: "ms",
      digits: 0,
      note: "for information",
    },
    {
      section: s,
      name: "peak heap + ArrayBuffers / file size",
      value: r.peakOverFile,
      unit: "×",
      digits: 2,
      max: 3,
      note: `${r.peakHeapMB.toFixed(0)} MB, text included`,
    },
    {
      section: s,
      name: "heap kept by the result",
      value: r.resultHeapMB,
      unit: "MB",
      digits: 0,
      note: `for information (Papa's rows: ${r.papaResultHeapMB.toFixed(0)} MB)`,
    },
  ];
}
