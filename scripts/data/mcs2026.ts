import { type SalientSeries, US_SALIENT } from "../../src/data/us-salient";
import { USGS_OXIDES, WORLD } from "../../src/data/vocab";
import { readCell } from "./cells";
import { cleanText, CsvTable, requireColumns } from "./csv";
import { Problems } from "./problems";
import { canonicalCountry, PriceFigure, ProductionFigure, QUALIFIED_TEXT, ReservesFigure, SalientFigure } from "./usgs";

/**
 * Reader for the MCS2026 data release: one long table for all commodities (chapter, section,
 * commodity, country, statistic, detail, unit, year, value, notes). Only the four rare-earth
 * chapters are read; each row the product serves is matched by its printed detail text, and
 * a rare-earth row nobody maps is reported rather than skipped.
 */

export const MCS2026_CHAPTERS = ["RARE EARTHS", "RARE EARTHS (Heavy)", "YTTRIUM", "SCANDIUM"];

export interface ImportSourceFigure {
  /** "" for the rare-earth sector as a whole; else the element whose imports are split. */
  element: string;
  country: string;
  period: string;
  share: number;
  file: string;
  line: number;
}

export interface PriceGrade {
  oxide: string;
  spec: string;
  basis: string;
}

/** US salient rows of the Rare Earths chapter, by the detail text USGS prints. */
const SALIENT_DETAILS: Record<string, SalientSeries> = {
  "Production: Mineral concentrates": US_SALIENT.mineProduction,
  "Production: Compounds and metals": US_SALIENT.compoundsAndMetalsProduction,
  "Imports: Compounds": US_SALIENT.compoundImports,
  "Imports: Metals: Ferrocerium, alloys": US_SALIENT.ferroceriumImports,
  "Imports: Metals: Rare-earth metals and alloys": US_SALIENT.metalImports,
  "Exports: Ores and compounds": US_SALIENT.oreAndCompoundExports,
  "Exports: Metals: Ferrocerium, alloys": US_SALIENT.ferroceriumExports,
  "Exports: Metals: Rare-earth metals and alloys": US_SALIENT.metalExports,
  "Consumption, apparent, compounds and metals": US_SALIENT.apparentConsumption,
  "Employment, mine and mill, annual average, number": US_SALIENT.employment,
  "Net import reliance as a percentage of apparent consumption: Compounds and metals": US_SALIENT.netImportReliance,
  "Net import reliance as a percentage of apparent consumption: Mineral concentrates":
    US_SALIENT.netImportRelianceConcentrates,
};

/** Priced products that are not oxides (metals, alloys): read, recognised, not served. */
const NOT_OXIDES = /^(Yttrium metal|Scandium metal|Scandium-aluminum alloy)\b/;

/** "Lanthanum oxide, 99.5% minimum" → Lanthanum oxide + grade; "Y2O3, …" by formula; NdPr by its printed name. */
function priceProduct(detail: string): { oxide: string; spec: string } | null | "skip" {
  const printed = detail.replace(/^Price[^:]*:\s*/, "");
  if (NOT_OXIDES.test(printed)) return "skip";
  const comma = printed.indexOf(", ");
  const name = comma < 0 ? printed : printed.slice(0, comma);
  const spec = comma < 0 ? "" : printed.slice(comma + 2);
  const oxide = USGS_OXIDES.find((o) => o.name === name || o.formula === name || (o.aliases ?? []).includes(name));
  return oxide ? { oxide: oxide.name, spec } : null;
}

/** The trade basis and price reporter from the row's notes ("Free on board. Source: Argus …"). */
function priceBasis(notes: string): string {
  return notes
    .split(" -- ")
    .filter((part) => part !== "Estimated.")
    .join(" ")
    .replace(/\.$/, "");
}

const PERIOD = /^(\d{4})[–-](\d{2})$/;

/** Notes USGS repeats on every row of a table, which say nothing about the figure itself. */
const BOILERPLATE = /^(See Appendix C|Estimated\.$|Reported\.$)/;
const figureNote = (notes: string): string =>
  notes
    .split(" -- ")
    .filter((part) => part !== "" && !BOILERPLATE.test(part))
    .join(" ");

export function readMcs2026(table: CsvTable, problems: Problems) {
  const production: ProductionFigure[] = [];
  const reserves: ReservesFigure[] = [];
  const prices: PriceFigure[] = [];
  const salient: SalientFigure[] = [];
  const importSources: ImportSourceFigure[] = [];
  const grades = new Map<string, PriceGrade>();
  const columns = [
    "MCS chapter",
    "Section",
    "Commodity",
    "Country",
    "Statistics",
    "Statistics_detail",
    "Year",
    "Value",
  ];
  if (!requireColumns(table, columns, problems))
    return { production, reserves, prices, salient, importSources, grades };

  for (const { line, cells } of table.rows) {
    const chapter = cells["MCS chapter"];
    if (!MCS2026_CHAPTERS.includes(chapter)) continue;
    const at = (message: string) => problems.add(table.file, line, message);
    const section = cells.Section;
    const statistic = cells.Statistics;
    const detail = cells.Statistics_detail;
    const notes = cleanText(cells.Notes ?? "");
    const country = cells.Country === "World total" ? WORLD : canonicalCountry(cells.Country);
    const cell = readCell(cells.Value);
    const year = Number(cells.Year);
    const base = { file: table.file, line };

    if (section === "World Mine Production and Reserves") {
      if (cells.Commodity !== "Rare Earths") continue; // yttrium and scandium world figures are not REO rows
      if (statistic === "Production") {
        // USGS tables print "—" for zero (curated/production.csv: "USGS shows '—' = Zero"), as MCS2025 rows record.
        if (cells.Value === "—") production.push({ ...base, country, year, tonnes: 0, note: "printed as — (zero)" });
        else if (cell.kind !== "number") at(`production "${cells.Value}" is not a number`);
        else production.push({ ...base, country, year, tonnes: cell.value, note: figureNote(notes) });
      } else if (statistic === "Reserves") {
        const bound = /^>([\d,]+)$/.exec(cells.Value);
        const value = bound ? readCell(bound[1]) : cell;
        if (value.kind === "number")
          reserves.push({
            ...base,
            country,
            tonnes: value.value,
            qualifier: bound ? ">" : "",
            note: figureNote(notes),
          });
        else if (value.kind === "na")
          reserves.push({ ...base, country, tonnes: null, qualifier: "", note: "USGS prints NA" });
        else at(`reserves "${cells.Value}" is neither a number, a lower bound nor NA`);
      } else at(`unknown world statistic "${statistic}"`);
      continue;
    }

    if (section === "Import Sources") {
      const period = PERIOD.exec(cells.Year);
      if (!period || cell.kind !== "number") {
        at(`import source "${cells.Year}" / "${cells.Value}" is not a period and a percentage`);
        continue;
      }
      const element = cells.Commodity === "Rare Earths" ? "" : cells.Commodity;
      const named = country === "China" && /Includes Hong Kong/.test(notes) ? "China (incl. Hong Kong)" : country;
      importSources.push({
        ...base,
        element,
        country: named === "Other countries" ? "Other" : named,
        period: `${period[1]}-${period[1].slice(0, 2)}${period[2]}`,
        share: cell.value,
      });
      continue;
    }

    if (!section.startsWith("Salient Statistics")) {
      at(`unknown section "${section}"`);
      continue;
    }
    if (statistic === "Price") {
      const product = priceProduct(detail);
      if (product === "skip") continue;
      if (product === null) {
        at(`unknown priced product "${detail}"`);
        continue;
      }
      const range = /^[\d,.]+–[\d,.]+$/.test(cells.Value);
      if (!range && !(cell.kind === "number" && cell.value > 0)) {
        at(`price "${cells.Value}" is neither a number > 0 nor a printed range`);
        continue;
      }
      prices.push({
        ...base,
        oxide: product.oxide,
        year,
        usdPerKg: range ? cells.Value : (cell as { value: number }).value,
      });
      grades.set(product.oxide, { oxide: product.oxide, spec: product.spec, basis: priceBasis(notes) });
      continue;
    }
    if (chapter !== "RARE EARTHS") continue; // heavy REE, yttrium and scandium US statistics are not served
    const column = SALIENT_DETAILS[detail];
    if (!column) {
      at(`unknown salient statistic "${detail}"`);
      continue;
    }
    if (cell.kind === "na") continue;
    if (cell.kind === "number") salient.push({ ...base, ...column, year: String(year), value: cell.value });
    else if (cell.kind === "text" && QUALIFIED_TEXT.test(cell.text))
      salient.push({ ...base, ...column, year: String(year), value: cell.text });
    else at(`${detail} "${cells.Value}" is not a number`);
  }
  return { production, reserves, prices, salient, importSources, grades };
}
