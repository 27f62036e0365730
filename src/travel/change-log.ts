/**
 * What changed's reasons from the data-change log (docs/DATA-CHANGES.md, also written as
 * src/data/generated/changes.json by `npm run data` and served as dist/changes.json): a RARE cell that moved between exactly
 * the two releases the log compares is given the log's line for the figure it asks for
 * ("production Australia 2024: 13,000 → 29,000 (MCS2026 revised 2024 (was MCS2025))").
 *
 * The figure a call asks for is keyed as the log keys it (scripts/data/figures.ts): the
 * function and its arguments, names as the sources spell them. Names are matched without
 * regard to case; a call the log cannot key (a year left to default, a pinned edition, an
 * argument that is not a value, an alias such as "Nd") has no entry, and the reason falls
 * back to the version change.
 */
import type { ArgValue } from "./citation-request";

export interface ChangeLogData {
  /** The previous release the log compares with, null when there is none. */
  readonly from: string | null;
  readonly to: string;
  /** By figure key ("production Australia 2024"): "13,000 → 29,000 (MCS2026 revised 2024 (was MCS2025))". */
  readonly reasons: Readonly<Record<string, string>>;
}

/** Reasons for the figures a cell asks for, between two dataset versions; null when the log has none. */
export type ChangeLog = (keys: readonly string[], from: string, to: string) => string | null;

const text = (v: ArgValue): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const year = (v: ArgValue): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null);
const omitted = (v: ArgValue | undefined): boolean => v === undefined || v === null || v === "";

/** The log keys of the figures one RARE call asks for ([] when the call cannot be keyed). */
export function figureKeys(fn: string, args: readonly ArgValue[]): string[] {
  const [a, b, c] = args;
  const keys = (...parts: Array<string | number | null>): string[] =>
    parts.some((p) => p === null) ? [] : [parts.join(" ")];
  switch (fn) {
    case "SHARE":
    case "GAP":
    case "PRICEIMPACT": {
      if (fn !== "SHARE" || omitted(b)) return keys("share", text(a));
      const stage = text(b)?.toLowerCase() ?? null;
      return stage === "us imports" ? keys("share", text(a), "us imports") : keys("share stage", stage);
    }
    case "PRODUCTION":
    case "COUNTRYSHARE":
      return omitted(c) ? keys(fn.toLowerCase(), text(a), year(b)) : [];
    case "RESERVES":
      return omitted(b) ? keys("reserves", text(a)) : [];
    case "PRICE":
      return omitted(c) ? keys("price", text(a), year(b)) : [];
    case "HHI":
      return omitted(b) ? keys("hhi", year(a)) : [];
    default:
      return [];
  }
}

export function changeLogFrom(data: ChangeLogData): ChangeLog {
  const reasons = new Map(Object.entries(data.reasons).map(([k, v]) => [k.toLowerCase(), `${k}: ${v}`]));
  return (keys, from, to) => {
    if (from !== data.from || to !== data.to) return null;
    const found = [...new Set(keys.map((k) => reasons.get(k.toLowerCase())).filter((r): r is string => !!r))];
    return found.length ? found.join("; ") : null;
  };
}
