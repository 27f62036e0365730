/**
 * The conformance script's vocabulary. One script (checks.ts) of the Excel behaviours RARE
 * relies on, run through the Workbook port and RARE formulas against any host: the preview
 * in CI (test/unit/conformance), real Excel through `npm run test:excel` (pane/runner.ts).
 */
import type { ZeroBasedCell } from "../../src/excel/a1";
import type { Workbook } from "../../src/workbook/workbook";

/** Where the script runs: the preview models the strictest Excel (on the web). */
export type HostPlatform = "preview" | "web" | "desktop" | "mac" | "unknown";

/** A cell holding an Excel data type, as Office.js `Range.valuesAsJson` writes it. */
export interface EntityCell {
  readonly type: "Entity";
  readonly text: string;
  readonly properties: Record<string, { type: "String"; basicValue: string } | { type: "Double"; basicValue: number }>;
}

export interface ConformanceHost {
  readonly name: string;
  readonly platform: HostPlatform;
  readonly workbook: Workbook;
  /** The `options` functions.json gives each function (allowErrorForDataTypeAny …), by id. */
  readonly functionOptions: (id: string) => Readonly<Record<string, unknown>>;
  /** Writes a data-type cell (the port has no such write: the product never writes one). */
  writeEntity(sheet: string, cell: ZeroBasedCell, entity: EntityCell): Promise<void>;
}

export interface Check {
  readonly id: string;
  readonly title: string;
  /** The Microsoft pages the expectation follows. */
  readonly docs: readonly string[];
  /** Throws (ConformanceFailure or any error) when the host does not behave; returns what it saw. */
  run(host: ConformanceHost, sheet: string): Promise<unknown>;
}

export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly passed: boolean;
  /** Why it failed, in words. */
  readonly message?: string;
  /** What the host returned: commit these as fixtures for the unit tests' Excel fakes. */
  readonly observed?: unknown;
  readonly ms: number;
  readonly docs: readonly string[];
}

export interface ConformanceReport {
  readonly format: "rare-conformance";
  readonly version: 1;
  readonly host: string;
  readonly platform: HostPlatform;
  readonly startedAt: string;
  readonly results: readonly CheckResult[];
}
