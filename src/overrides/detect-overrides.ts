/**
 * Recognises an imported table whose shape RARE knows, so the pane can offer to use it
 * as the workbook's own figures: Element + Share, Country + Year + Production, or
 * Oxide (or Element) + Year + Price. Header names are matched loosely (any case,
 * spacing, common wordings); values are taken as typed by the import, so "80%" is
 * already 0.8. Rows are not validated here: mergeOverrides checks names and ranges and
 * lists the rejected rows.
 */
import type { Overrides } from "../data/overrides";

export type OverrideKind = "shares" | "production" | "prices";
type Cell = string | number | boolean | null;

const key = (header: string) =>
  header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();

const HEADERS = {
  element: ["element", "rare earth element", "ree", "elements"],
  share: ["share", "china share", "china s share", "chinas share", "china share %", "share %", "china s share %"],
  country: ["country", "countries"],
  year: ["year"],
  production: [
    "production",
    "mine production",
    "production t",
    "mine production t",
    "production t reo",
    "mine production t reo",
  ],
  oxide: ["oxide", "product", "oxide or element"],
  price: ["price", "price usd kg", "usd kg", "price usd per kg", "price usd"],
};

function findColumn(headers: readonly string[], names: readonly string[]): number {
  const keys = headers.map(key);
  return keys.findIndex((k) => names.includes(k));
}

export interface DetectedOverrides {
  kind: OverrideKind;
  overrides: Overrides;
  /** Rows considered (data rows; row numbers in overrides are 1-based sheet rows, header = 1). */
  rowCount: number;
}

export function detectOverrides(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  source: string,
  /** The header's 1-based sheet row (1 for an import, which starts at A1): rejected rows are named by sheet row. */
  headerRow = 1,
): DetectedOverrides | null {
  const col = (names: readonly string[]) => findColumn(headers, names);
  const sheetRow = (i: number) => headerRow + 1 + i;
  const element = col(HEADERS.element);
  const share = col(HEADERS.share);
  const country = col(HEADERS.country);
  const year = col(HEADERS.year);
  const production = col(HEADERS.production);
  const price = col(HEADERS.price);
  const oxide = col(HEADERS.oxide) >= 0 ? col(HEADERS.oxide) : element;

  if (element >= 0 && share >= 0) {
    const shares = rows.map((r, i) => ({
      element: String(r[element] ?? ""),
      share: r[share] as number,
      row: sheetRow(i),
    }));
    return { kind: "shares", overrides: { source, shares }, rowCount: rows.length };
  }
  if (country >= 0 && year >= 0 && production >= 0) {
    const production_ = rows.map((r, i) => ({
      country: String(r[country] ?? ""),
      year: r[year] as number,
      tonnes: r[production] as number,
      row: sheetRow(i),
    }));
    return { kind: "production", overrides: { source, production: production_ }, rowCount: rows.length };
  }
  if (oxide >= 0 && year >= 0 && price >= 0) {
    const prices = rows.map((r, i) => ({
      oxide: String(r[oxide] ?? ""),
      year: r[year] as number,
      usdPerKg: r[price] as number,
      row: sheetRow(i),
    }));
    return { kind: "prices", overrides: { source, prices }, rowCount: rows.length };
  }
  return null;
}

export function describeKind(kind: OverrideKind): string {
  return {
    shares: "China's share by element",
    production: "mine production by country and year",
    prices: "oxide prices by year",
  }[kind];
}
