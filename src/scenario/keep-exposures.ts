/**
 * Running the same scenario again rewrites its sheet in place but keeps what the user typed
 * in the exposure column. Exposures are matched by element name (case- and
 * spacing-insensitive), so they follow their element when the order or the set changes.
 *
 * The host reads the existing sheet's used range and passes it as a grid. Pass
 * `Range.formulas` rather than `Range.values` where it can: then an exposure the user
 * entered as a formula (=Inventory!B4) is kept as that formula, not frozen to its value.
 * The grid may start anywhere: the table is found by its header text, not its position.
 * The host then clears the old sheet contents and writes the returned plan.
 *
 * Everything else on the sheet is rebuilt from the new plan: the pane's inputs (cut,
 * elasticity, offsets) are the user's latest choice and win over values edited in place.
 */
import { TABLE_HEADERS } from "./scenario-layout";
import type { PlanBody, PlanCell } from "./plan";

export type ExposureValue = string | number;

export interface KeptExposure {
  readonly element: string;
  readonly value: ExposureValue;
}

export interface ScenarioUpdate<P extends PlanBody> {
  /** The new plan with the kept exposures written into its exposure cells. */
  readonly plan: P;
  /** The existing grid held a RARE scenario table (headers Element … Exposure (t)). */
  readonly recognised: boolean;
  readonly kept: readonly KeptExposure[];
  /** Exposures of elements no longer in the plan: the pane should tell the user. */
  readonly dropped: readonly KeptExposure[];
}

const norm = (v: unknown) => (typeof v === "string" ? v.trim().replace(/\s+/g, " ").toLowerCase() : "");
const ELEMENT = norm(TABLE_HEADERS[0]);
const EXPOSURE = norm(TABLE_HEADERS[5]);

function isEntered(v: unknown): v is ExposureValue {
  return (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.trim() !== "");
}

/** Element → exposure from the first row holding both the Element and Exposure (t) headers. */
export function readExposures(existing: ReadonlyArray<ReadonlyArray<unknown>>): {
  found: boolean;
  rows: KeptExposure[];
} {
  for (let r = 0; r < existing.length; r++) {
    const header = existing[r] ?? [];
    const elementCol = header.findIndex((v) => norm(v) === ELEMENT);
    const exposureCol = header.findIndex((v) => norm(v) === EXPOSURE);
    if (elementCol < 0 || exposureCol < 0) continue;
    const rows: KeptExposure[] = [];
    // The table ends at the first row without an element name.
    for (let d = r + 1; d < existing.length; d++) {
      const element = existing[d]?.[elementCol];
      if (typeof element !== "string" || element.trim() === "") break;
      const value = existing[d]?.[exposureCol];
      if (isEntered(value)) rows.push({ element: element.trim(), value });
    }
    return { found: true, rows };
  }
  return { found: false, rows: [] };
}

export function updateScenarioSheet<P extends PlanBody>(
  existing: ReadonlyArray<ReadonlyArray<unknown>>,
  plan: P,
): ScenarioUpdate<P> {
  const { found, rows } = readExposures(existing);
  const byElement = new Map<string, KeptExposure>();
  for (const row of rows) if (!byElement.has(norm(row.element))) byElement.set(norm(row.element), row);

  // Element name of each table data row, from the plan itself.
  const { row: first, rows: count, col: exposureCol } = plan.exposureRange;
  const elementAt = new Map<number, string>();
  for (const cell of plan.cells) {
    if (cell.col === 1 && cell.row >= first && cell.row < first + count && typeof cell.value === "string") {
      elementAt.set(cell.row, cell.value);
    }
  }

  const kept: KeptExposure[] = [];
  const used = new Set<string>();
  const cells = plan.cells.map((cell): PlanCell => {
    if (cell.col !== exposureCol || !elementAt.has(cell.row)) return cell;
    const key = norm(elementAt.get(cell.row));
    const previous = byElement.get(key);
    if (!previous) return cell;
    used.add(key);
    kept.push({ element: elementAt.get(cell.row) as string, value: previous.value });
    const { value: _value, formula: _formula, ...rest } = cell;
    // A formula the user typed stays a formula; anything else stays the constant it was.
    return typeof previous.value === "string" && previous.value.startsWith("=")
      ? { ...rest, formula: previous.value }
      : { ...rest, value: previous.value };
  });
  const dropped = [...byElement.entries()].filter(([key]) => !used.has(key)).map(([, v]) => v);
  return { plan: { ...plan, cells }, recognised: found, kept, dropped };
}
