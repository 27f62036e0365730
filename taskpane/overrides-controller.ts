/**
 * Workbook overrides in the pane: reads them from the workbook at start-up and applies
 * them to the functions (shared runtime), stores a new layer when the user chooses
 * "Use for RARE functions in this workbook", clears them, and recalculates fully after
 * each change so every RARE formula shows the figures now in force. Overrides are merged
 * and queried with the functions' own core (runtime.core), so the functions recognise
 * every error the override data raises.
 */
import type { RejectedRow } from "../src/data/overrides";
import type { RareData } from "../src/data/rare-data";
import type { DetectedOverrides } from "../src/overrides/detect-overrides";
import { OVERRIDES_KEY, emptyOverrides, parseStored, withLayer, type StoredOverrides } from "../src/overrides/store";
import type { Workbook } from "../src/workbook/workbook";
import type { RareRuntime } from "../functions/runtime-bridge";

export interface OverridesState {
  stored: StoredOverrides;
  rejected: RejectedRow[];
  problem?: string;
}

export class OverridesController {
  private state: OverridesState = { stored: emptyOverrides(), rejected: [] };
  private readonly listeners = new Set<(s: OverridesState) => void>();

  constructor(
    private readonly workbook: Workbook,
    private readonly runtime: RareRuntime,
  ) {}

  get current(): OverridesState {
    return this.state;
  }

  subscribe(listener: (s: OverridesState) => void): void {
    this.listeners.add(listener);
  }

  /** At start-up: what the workbook holds is applied before any view is used. */
  async load(): Promise<OverridesState> {
    const { stored, problem } = parseStored(await this.workbook.getAddinData(OVERRIDES_KEY));
    this.apply(stored, problem);
    if (stored.layers.length) await this.workbook.recalculate(true);
    return this.state;
  }

  /** Validates and applies a detected import; returns the rows that were not used. */
  async use(detected: DetectedOverrides): Promise<RejectedRow[]> {
    const next = withLayer(this.state.stored, {
      kind: detected.kind,
      source: detected.overrides.source,
      overrides: detected.overrides,
    });
    const trial = this.merge(next);
    // Nothing usable: keep what was in force rather than storing an empty layer.
    const usable = trial.rejected.filter((r) => r.kind === kindOf(detected)).length < detected.rowCount;
    if (!usable) return trial.rejected.filter((r) => r.kind === kindOf(detected));
    await this.workbook.setAddinData(OVERRIDES_KEY, JSON.stringify(next));
    this.apply(next);
    await this.workbook.recalculate(true);
    return this.state.rejected.filter((r) => r.kind === kindOf(detected));
  }

  async clear(): Promise<void> {
    await this.workbook.setAddinData(OVERRIDES_KEY, JSON.stringify(emptyOverrides()));
    this.apply(emptyOverrides());
    await this.workbook.recalculate(true);
  }

  private merge(stored: StoredOverrides): { dataset: RareData["dataset"]; rejected: RejectedRow[] } {
    let dataset = this.runtime.bundled.dataset;
    const rejected: RejectedRow[] = [];
    for (const layer of stored.layers) {
      const result = this.runtime.core.mergeOverrides(dataset, layer.overrides);
      dataset = result.dataset;
      rejected.push(...result.rejected);
    }
    return { dataset, rejected };
  }

  private apply(stored: StoredOverrides, problem?: string): void {
    const { dataset, rejected } = this.merge(stored);
    this.runtime.useQueries(stored.layers.length ? this.runtime.core.queriesFor(dataset) : null);
    this.state = { stored, rejected, problem };
    for (const l of this.listeners) l(this.state);
  }
}

const kindOf = (d: DetectedOverrides): RejectedRow["kind"] =>
  ({ shares: "share", production: "production", prices: "price" })[d.kind] as RejectedRow["kind"];
