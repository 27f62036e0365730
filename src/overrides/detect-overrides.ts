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
type ColumnName = keyof typeof HEADERS;

/** Where each known column stands among the headers (-1 where it is absent). */
function findColumns(headers: readonly string[]): Record<ColumnName, number> {
  const keys = headers.map(key);
  const at = (names: readonly string[]) => keys.findIndex((k) => names.includes(k));
  const found = Object.entries(HEADERS).map(([column, names]) => [column, at(names)]);
  return Object.fromEntries(found) as Record<ColumnName, number>;
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
  const { element, share, country, year, production, price, oxide: oxideColumn } = findColumns(headers);
  const oxide = oxideColumn >= 0 ? oxideColumn : element;
  const has = (...columns: number[]) => columns.every((c) => c >= 0);
  const name = (row: readonly Cell[], column: number) => String(row[column] ?? "");
  const figure = (row: readonly Cell[], column: number) => row[column] as number;
  /** One override of this kind per data row, named by its sheet row. */
  const detected = <K extends OverrideKind>(
    kind: K,
    read: (row: readonly Cell[]) => Omit<NonNullable<Overrides[K]>[number], "row">,
  ): DetectedOverrides => ({
    kind,
    overrides: { source, [kind]: rows.map((r, i) => ({ ...read(r), row: headerRow + 1 + i })) },
    rowCount: rows.length,
  });

  if (has(element, share)) return detected("shares", (r) => ({ element: name(r, element), share: figure(r, share) }));
  if (has(country, year, production))
    return detected("production", (r) => ({
      country: name(r, country),
      year: figure(r, year),
      tonnes: figure(r, production),
    }));
  if (has(oxide, year, price))
    return detected("prices", (r) => ({ oxide: name(r, oxide), year: figure(r, year), usdPerKg: figure(r, price) }));
  return null;
}

export function describeKind(kind: OverrideKind): string {
  return {
    shares: "China's share by element",
    production: "mine production by country and year",
    prices: "oxide prices by year",
  }[kind];
}
