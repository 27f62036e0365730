/**
 * Import data for the writer tests: a two-row import for tests about tables and sheets rather
 * than cells, and realistic, deterministic data: the columns a rare-earth production file
 * has, with non-ASCII country names, blanks, dates as serials, and the hostile text an import
 * meets (formula-like notes, a DDE payload, leading-zero codes flagged as text).
 */
import type { CellValue } from "../../../../src/excel/values";
import type { ImportData } from "../../../../src/workbook/write-plan";

export const DDE_PAYLOAD = "=cmd|' /C calc'!A0";

/** Two elements' shares: a text column and a percentage column under a header row. */
export const SHARES_IMPORT: ImportData = {
  headers: ["Element", "Share"],
  rows: [
    ["Neodymium", 0.5],
    ["Dysprosium", 0.95],
  ],
  columnFormats: ["@", "0%"],
};

import { prng } from "../../../support/prng";

const COUNTRIES = [
  "China",
  "United States",
  "Myanmar",
  "Australia",
  "Việt Nam",
  "Brasil",
  "Россия",
  "India",
  "Madagascar",
  "Thailand",
  "Côte d'Ivoire",
  "Lao PDR",
  "Malaysia",
  "Canada",
  "Greenland (Kalaallit Nunaat)",
  "South Africa",
  "Burundi",
  "Tanzania",
  "中国",
  "日本",
];
const ELEMENTS = [
  "Lanthanum",
  "Cerium",
  "Praseodymium",
  "Neodymium",
  "Promethium",
  "Samarium",
  "Europium",
  "Gadolinium",
  "Terbium",
  "Dysprosium",
  "Holmium",
  "Erbium",
  "Thulium",
  "Ytterbium",
  "Lutetium",
  "Scandium",
  "Yttrium",
];
const NOTES = [
  "",
  "estimated",
  "USGS MCS 2025, table 3",
  "includes mixed concentrate",
  "-",
  "+/- 5%",
  "@risk",
  "n/a",
  "revised",
];

export const HEADERS = [
  "Country",
  "Element",
  "Year",
  "Production (t REO)",
  "Share",
  "Price (USD/kg)",
  "Reported",
  "Source",
  "Note",
  "Verified",
];
export const COLUMN_FORMATS = [
  "@",
  "General",
  "0",
  "#,##0.0",
  "0.0%",
  "#,##0.00",
  "yyyy-mm-dd",
  "General",
  "General",
  "General",
];

export function realisticImport(rows: number, seed = 7): ImportData & { textCells: Array<[number, number]> } {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const data: CellValue[][] = [];
  const textCells: Array<[number, number]> = [];
  for (let r = 0; r < rows; r++) {
    const year = 1990 + Math.floor(rand() * 36);
    let note: CellValue = pick(NOTES);
    if (rand() < 0.001) note = DDE_PAYLOAD;
    else if (rand() < 0.002) {
      note = String(Math.floor(rand() * 1000)).padStart(5, "0"); // a code the CSV typing flags as text
      textCells.push([r, 8]);
    } else if (note === "") note = null;
    data.push([
      pick(COUNTRIES),
      pick(ELEMENTS),
      year,
      rand() < 0.03 ? null : Math.round(rand() * 3_000_000) / 10,
      Math.round(rand() * 10_000) / 10_000,
      Math.round(rand() * 200_000) / 100,
      45000 + Math.floor(rand() * 1500),
      `https://pubs.usgs.gov/periodicals/mcs${year}/mcs${year}-rare-earths.pdf`,
      note,
      rand() < 0.5,
    ]);
  }
  return { headers: HEADERS, rows: data, columnFormats: COLUMN_FORMATS, textCells };
}
