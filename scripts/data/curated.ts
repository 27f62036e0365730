import { SALIENT_METRICS, USGS_OXIDES, WORLD } from "../../src/data/vocab";
import { citedIds, isDataYear, readCell } from "./cells";
import { CsvTable, requireColumns } from "./csv";
import { Problems } from "./problems";
import { canonicalCountry, QUALIFIED_TEXT, PriceFigure, ProductionFigure, ReservesFigure, SalientFigure } from "./usgs";

/**
 * Readers for the curated USGS CSVs (seeds/curated/production.csv and
 * us_salient_mcs2025.csv). Only the MCS2025 edition is taken from them as data; the curated
 * MCS2024 rows duplicate the verbatim MCS2024 file and are returned for a cross-check.
 */

export const CURATED_EDITION = "MCS2025";
const CURATED_MCS2024 = "MCS2024 data release";

/** Note parts worth keeping on a production figure: USGS footnotes that qualify it. */
const PRODUCTION_NOTE = /^USGS fn1[24]:/;
const RESERVES_NOTE = /^(USGS fn13:|source prints)/;

/** Curated notes join parts with "; " and a part may itself contain "; ", so split only before a part opener. */
function keepNotes(notes: string, pattern: RegExp): string {
  return notes
    .split(/;\s+(?=USGS |reserves |source prints|MCS20)/)
    .filter((part) => pattern.test(part))
    .join("; ");
}

export function readCuratedProduction(table: CsvTable, problems: Problems) {
  const production: ProductionFigure[] = [];
  const reserves: ReservesFigure[] = [];
  const mcs2024: ProductionFigure[] = [];
  const mcs2024Reserves: ReservesFigure[] = [];
  const columns = [
    "country",
    "year",
    "mine_production_t_REO",
    "reserves_t_REO",
    "reserves_qualifier",
    "source",
    "edition",
    "notes",
  ];
  if (!requireColumns(table, columns, problems)) return { production, reserves, mcs2024, mcs2024Reserves };

  // MCS2025 prints reserves once per country, in a column without a year; the curated file
  // attaches it to the edition's latest year, so that row is where reserves (or NA) live.
  const latestYear = new Map<string, number>();
  for (const { cells } of table.rows) {
    if (cells.edition !== CURATED_EDITION) continue;
    const country = canonicalCountry(cells.country);
    latestYear.set(country, Math.max(latestYear.get(country) ?? 0, Number(cells.year)));
  }

  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    const country = canonicalCountry(cells.country);
    const year = Number(cells.year);
    const tonnes = readCell(cells.mine_production_t_REO);
    if (country === "") at("blank country");
    if (!isDataYear(year)) at(`year "${cells.year}" is outside 1990..2100`);
    if (tonnes.kind !== "number") at(`production "${cells.mine_production_t_REO}" is not a number`);
    else if (tonnes.value < 0) at(`production ${tonnes.value} is negative`);
    if (country === "" || !isDataYear(year) || tonnes.kind !== "number" || tonnes.value < 0) continue;

    const isMcs2025 = cells.edition === CURATED_EDITION;
    if (!isMcs2025 && cells.edition !== CURATED_MCS2024) {
      at(`edition "${cells.edition}" is neither ${CURATED_EDITION} nor ${CURATED_MCS2024}`);
      continue;
    }
    const expected = isMcs2025 ? "S1" : "S2";
    if (!citedIds(cells.source).includes(expected)) at(`source does not cite [${expected}]`);
    const figure = { country, year, tonnes: tonnes.value, file: table.file, line };
    (isMcs2025 ? production : mcs2024).push({
      ...figure,
      note: isMcs2025 ? keepNotes(cells.notes, PRODUCTION_NOTE) : "",
    });

    const reservesCell = readCell(cells.reserves_t_REO);
    const carriesReserves = isMcs2025
      ? latestYear.get(country) === year
      : reservesCell.kind !== "blank" || /reserves 'NA'/.test(cells.notes);
    if (!carriesReserves) continue;
    if (reservesCell.kind === "number" && reservesCell.value >= 0) {
      const qualifier = cells.reserves_qualifier;
      if (qualifier !== "" && qualifier !== ">") at(`reserves qualifier "${qualifier}" is not ">"`);
      const note = isMcs2025 ? keepNotes(cells.notes, RESERVES_NOTE) : "";
      (isMcs2025 ? reserves : mcs2024Reserves).push({
        country,
        tonnes: reservesCell.value,
        qualifier,
        note,
        file: table.file,
        line,
      });
    } else if (reservesCell.kind === "blank") {
      // Blank reserves on the row that carries them: the source prints NA.
      (isMcs2025 ? reserves : mcs2024Reserves).push({
        country,
        tonnes: null,
        qualifier: "",
        note: "USGS prints NA",
        file: table.file,
        line,
      });
    } else at(`reserves "${cells.reserves_t_REO}" is not a non-negative number`);
  }
  if (!production.some((p) => p.country === WORLD))
    problems.add(table.file, null, `no "${WORLD}" rows for ${CURATED_EDITION}`);
  return { production, reserves, mcs2024, mcs2024Reserves };
}

const PERIOD = /^(\d{4})(-(\d{4}))?$/;

export function readCuratedSalient(table: CsvTable, problems: Problems) {
  const prices: PriceFigure[] = [];
  const salient: SalientFigure[] = [];
  const specs = new Map<string, string>();
  if (!requireColumns(table, ["metric", "item", "year", "value", "unit", "source"], problems))
    return { prices, salient, specs };

  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    const { metric, item, unit } = cells;
    const served = metric === "price" || (SALIENT_METRICS as readonly string[]).includes(metric);
    if (!served) continue; // "missing" rows and series the product does not serve
    if (!citedIds(cells.source).includes("S1")) at("source does not cite [S1]");
    const period = PERIOD.exec(cells.year);
    if (!period || !isDataYear(Number(period[1])) || (period[3] !== undefined && !isDataYear(Number(period[3])))) {
      at(`year "${cells.year}" is outside 1990..2100`);
      continue;
    }
    const cell = readCell(cells.value);

    if (metric === "price") {
      const comma = item.indexOf(", ");
      const name = comma < 0 ? item : item.slice(0, comma);
      if (!USGS_OXIDES.some((o) => o.name === name)) at(`unknown price item "${item}"`);
      else if (period[3] !== undefined) at(`price year "${cells.year}" must be a single year`);
      else if (cell.kind !== "number" || !(cell.value > 0)) at(`price "${cells.value}" must be a number > 0`);
      else {
        prices.push({ oxide: name, year: Number(cells.year), usdPerKg: cell.value, file: table.file, line });
        specs.set(name, comma < 0 ? "" : item.slice(comma + 2));
      }
      continue;
    }
    if (cell.kind === "number") {
      if (cell.value < 0) at(`value ${cell.value} is negative`);
      else if (unit.startsWith("%") && cell.value > 100) at(`value ${cell.value}% is outside 0..100`);
      else salient.push({ metric, item, year: cells.year, value: cell.value, unit, file: table.file, line });
    } else if (cell.kind === "text" && QUALIFIED_TEXT.test(cell.text)) {
      salient.push({ metric, item, year: cells.year, value: cell.text, unit, file: table.file, line });
    } else at(`value "${cells.value}" is not a number`);
  }
  return { prices, salient, specs };
}
