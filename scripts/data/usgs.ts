import { type SalientSeries, US_SALIENT } from "../../src/data/us-salient";
import { OTHER, USGS_OXIDES } from "../../src/data/vocab";
import { readCell, isDataYear } from "./cells";
import { CsvTable, requireColumns } from "./csv";
import { Problems } from "./problems";

/**
 * Readers for the verbatim USGS data-release files. Column names drift between editions
 * (Prod_t_2020 / Prod_t_Est_2021 / Prod_t_est_2022; NIR_*_t vs NIR_*_pct; Employment_num vs
 * Employment_m), so columns are matched by pattern and an unknown column is reported rather
 * than silently skipped.
 */

export interface ProductionFigure {
  country: string;
  year: number;
  tonnes: number;
  note: string;
  file: string;
  line: number;
}

export interface ReservesFigure {
  country: string;
  tonnes: number | null;
  qualifier: string;
  note: string;
  file: string;
  line: number;
}

export interface PriceFigure {
  oxide: string;
  year: number;
  /** A range USGS prints ("660–670") stays text. */
  usdPerKg: number | string;
  file: string;
  line: number;
}

export interface SalientFigure {
  metric: string;
  item: string;
  year: string;
  value: number | string;
  unit: string;
  file: string;
  line: number;
}

export function canonicalCountry(name: string): string {
  return name === "Other" || name === "Other countries" ? OTHER : name;
}

const PRODUCTION_COLUMN = /^Prod_t_(?:est_)?(\d{4})$/i;

export function readWorldFile(table: CsvTable, edition: string, problems: Problems) {
  const production: ProductionFigure[] = [];
  const reserves: ReservesFigure[] = [];
  if (!requireColumns(table, ["Source", "Country", "Type"], problems)) return { production, reserves };
  const yearColumns = table.header.flatMap((name) => {
    const m = PRODUCTION_COLUMN.exec(name);
    return m ? [{ name, year: Number(m[1]) }] : [];
  });
  if (yearColumns.length === 0) problems.add(table.file, 1, "no Prod_t_<year> columns");
  const hasReserves = table.header.includes("Reserves_t");

  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    if (cells.Source !== edition) at(`Source "${cells.Source}" is not ${edition}`);
    if (!/mine production/i.test(cells.Type ?? "")) at(`Type "${cells.Type}" is not mine production`);
    const country = canonicalCountry(cells.Country ?? "");
    if (country === "") at("blank Country");
    for (const { name, year } of yearColumns) {
      const cell = readCell(cells[name] ?? "");
      if (cell.kind !== "number") at(`${name} "${cells[name]}" is not a number`);
      else if (!(cell.value >= 0)) at(`production ${cell.value} is negative`);
      else if (!isDataYear(year)) at(`year ${year} is outside 1990..2100`);
      else production.push({ country, year, tonnes: cell.value, note: cells.Prod_notes ?? "", file: table.file, line });
    }
    if (hasReserves) {
      const cell = readCell(cells.Reserves_t ?? "");
      if (cell.kind === "number" && cell.value >= 0) {
        reserves.push({
          country,
          tonnes: cell.value,
          qualifier: "",
          note: cells.Reserves_notes ?? "",
          file: table.file,
          line,
        });
      } else if (cell.kind === "na") {
        reserves.push({ country, tonnes: null, qualifier: "", note: "USGS prints NA", file: table.file, line });
      } else at(`Reserves_t "${cells.Reserves_t}" is neither a non-negative number nor NA`);
    }
  }
  return { production, reserves };
}

const SALIENT_COLUMNS: [RegExp, SalientSeries | null][] = [
  [/^(DataSource|Commodity|Year)$/, null],
  [/^USprod_Concentrate_t$/, US_SALIENT.mineProduction],
  [/^USprod_Compounds-Metals_t$/, US_SALIENT.compoundsAndMetalsProduction],
  [/^Exports_Ores-Compounds_t$/, US_SALIENT.oreAndCompoundExports],
  [/^Exports_Alloys_t$/, US_SALIENT.ferroceriumExports],
  [/^Exports_Metals_t$/, US_SALIENT.metalExports],
  [/^Employment_(num|m)$/, US_SALIENT.employment],
  // The MCS2022/MCS2024 headers say _t but the values are percentages: the same values
  // appear under _pct in MCS2023 and as "% of apparent consumption" in MCS2025.
  [/^NIR_Compounds-Metals_(t|pct)$/, US_SALIENT.netImportReliance],
  [/^NIR_Concentrate_(t|pct)$/, US_SALIENT.netImportRelianceConcentrates],
  [/^Imports_Compounds_t$/, US_SALIENT.compoundImports],
  [/^Imports_Alloys_t$/, US_SALIENT.ferroceriumImports],
  [/^Imports_Metals_t$/, US_SALIENT.metalImports],
  [/^Consump_Compounds-Metals_t$/, US_SALIENT.apparentConsumption],
];

const PRICE_COLUMN = /^Price_(\w+)_dkg$/;
/**
 * Text codes USGS prints instead of a plain number: ">95", ">90", "E" (net exporter), "XX"
 * (not applicable), "W" (withheld). They are values as printed and stay text.
 */
export const QUALIFIED_TEXT = /^([<>]\d+|E|XX|W)$/;

export function readSalientFile(table: CsvTable, edition: string, problems: Problems) {
  const prices: PriceFigure[] = [];
  const salient: SalientFigure[] = [];
  if (!requireColumns(table, ["DataSource", "Year"], problems)) return { prices, salient };

  const priceColumns: { name: string; oxide: string }[] = [];
  const salientColumns: { name: string; column: SalientSeries }[] = [];
  for (const name of table.header) {
    const price = PRICE_COLUMN.exec(name);
    if (price) {
      const oxide = USGS_OXIDES.find((o) => o.formula === price[1]);
      if (oxide) priceColumns.push({ name, oxide: oxide.name });
      else problems.add(table.file, 1, `unknown price column "${name}"`);
      continue;
    }
    const match = SALIENT_COLUMNS.find(([pattern]) => pattern.test(name));
    if (!match) problems.add(table.file, 1, `unknown column "${name}"`);
    else if (match[1]) salientColumns.push({ name, column: match[1] });
  }

  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    if (cells.DataSource !== edition) at(`DataSource "${cells.DataSource}" is not ${edition}`);
    const yearCell = readCell(cells.Year ?? "");
    if (yearCell.kind !== "number" || !isDataYear(yearCell.value)) {
      at(`year "${cells.Year}" is outside 1990..2100`);
      continue;
    }
    const year = yearCell.value;
    for (const { name, oxide } of priceColumns) {
      const cell = readCell(cells[name] ?? "");
      if (cell.kind === "number" && cell.value > 0)
        prices.push({ oxide, year, usdPerKg: cell.value, file: table.file, line });
      else at(`${name} "${cells[name]}": price must be a number > 0`);
    }
    for (const { name, column } of salientColumns) {
      const cell = readCell(cells[name] ?? "");
      if (cell.kind === "na") continue; // not available: no figure
      const value = cell.kind === "number" ? cell.value : cell.kind === "text" ? cell.text : null;
      if (value === null) at(`${name} is blank`);
      else if (typeof value === "number" && value < 0) at(`${name} ${value} is negative`);
      else if (typeof value === "string" && !QUALIFIED_TEXT.test(value)) {
        at(`${name} "${value}" is not a number`);
      } else salient.push({ ...column, year: String(year), value, file: table.file, line });
    }
  }
  return { prices, salient };
}
