/**
 * What a RARE call asks for, as the RARE.SOURCE request that cites it: RARE.SHARE("Nd")
 * asks for China's share of neodymium, cited by RARE.SOURCE("share","Nd"); RARE.GAP and
 * RARE.PRICEIMPACT rest on the same share (their cut, elasticity and mitigation are the
 * user's assumptions, not data). Arguments are given as values (the caller resolves cell
 * references); the short form is the RARE.SOURCE call an auditor can type to see it again.
 */
import type { CellValue } from "../excel/values";

export type ArgValue = string | number | boolean | null;

export type CitationRequest =
  | {
      readonly kind: "source";
      readonly sourceKind: string;
      readonly key: ArgValue;
      readonly field: ArgValue;
      readonly note?: string;
    }
  /** Calls with nothing external to cite (VERSION, LIST, …), with what to say instead. */
  | { readonly kind: "fixed"; readonly text: string };

const SOURCE_OF: Record<
  string,
  { kind: string; key: number | null; field: number | null; note?: string; keyWhenOmitted?: string }
> = {
  SHARE: { kind: "share", key: 0, field: 1 },
  RISK: { kind: "risk", key: 0, field: 1 },
  USE: { kind: "use", key: 0, field: null },
  STRATEGY: { kind: "strategy", key: 0, field: 1 },
  PRODUCTION: { kind: "production", key: 0, field: 1 },
  RESERVES: { kind: "reserves", key: 0, field: null },
  COUNTRYSHARE: { kind: "countryshare", key: 0, field: 1 },
  PRICE: { kind: "price", key: 0, field: 1 },
  // The index has no name: its year is the key (RARE.SOURCE("hhi","2024")); "World" cites the latest year.
  HHI: { kind: "hhi", key: 0, field: null, keyWhenOmitted: "World" },
  GAP: { kind: "share", key: 0, field: null, note: "the cut and mitigation are assumptions of the workbook" },
  PRICEIMPACT: {
    kind: "share",
    key: 0,
    field: null,
    note: "the cut, elasticity and mitigation are assumptions of the workbook",
  },
};

export function citationRequest(fn: string, args: readonly ArgValue[]): CitationRequest {
  const map = SOURCE_OF[fn];
  if (map) {
    const at = (i: number | null): ArgValue => (i === null ? null : (args[i] ?? null));
    return {
      kind: "source",
      sourceKind: map.kind,
      key:
        map.key === null
          ? ""
          : typeof at(map.key) === "number"
            ? String(at(map.key))
            : (at(map.key) ?? map.keyWhenOmitted ?? null),
      field: at(map.field),
      ...(map.note ? { note: map.note } : {}),
    };
  }
  const fixed = FIXED_TEXT[fn];
  return { kind: "fixed", text: fixed ? fixed(args) : `RARE.${fn} is not a RARE function this version knows.` };
}

/** Calls with nothing external to cite, and what to say instead. */
const FIXED_TEXT: Record<string, (args: readonly ArgValue[]) => string> = {
  SOURCE: () => "The cell is itself a RARE.SOURCE citation.",
  VERSION: () => "The bundled dataset's version: RARE itself, no external source.",
  LIST: () => "RARE's list of valid names: no external figure.",
  TABLE: (args) => `A bundled table (${String(args[0] ?? "")}); RARE.TABLE("sources") lists the sources its rows cite.`,
};

/** Whether `citationRequest` knows `fn` (a function added later has no rule until one is written here). */
export function hasCitationRule(fn: string): boolean {
  return fn in SOURCE_OF || fn in FIXED_TEXT;
}

/** RARE.SOURCE("share","Neodymium"), as typed into a cell (without the "="). */
export function sourceCallText(request: Extract<CitationRequest, { kind: "source" }>): string {
  const args: ArgValue[] = [request.sourceKind, request.key];
  if (request.field !== null) args.push(request.field);
  return `RARE.SOURCE(${args.map(literal).join(",")})`;
}

function literal(value: ArgValue): string {
  if (value === null) return '""';
  if (typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** The edition a citation names: the USGS edition where it says one, else its source ids. */
export function editionOf(citation: string): string {
  const usgs = /USGS (MCS\d{4})/.exec(citation);
  if (usgs) return usgs[1];
  if (/workbook import/i.test(citation)) return "workbook override";
  const ids = [...citation.matchAll(/\[([A-Z]+\d+)\]/g)].map((m) => m[1]);
  return [...new Set(ids)].join(", ");
}

export const asArg = (v: CellValue): ArgValue => (v === "" ? null : v);
