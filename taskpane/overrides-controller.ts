/**
 * Workbook overrides in the pane: reads them from the workbook at start-up and applies
 * them to the functions (shared runtime), stores a new layer when the user chooses
 * "Use for RARE functions in this workbook", clears them, and follows co-authors' changes.
 *
 * What the workbook holds is checked field by field (validate-stored.ts): a bad value is
 * left out with a notice, never a failed start, so Clear overrides is always reachable.
 * A full recalculation follows a change of the data in force, and at start only when the
 * workbook was last calculated with other data (fingerprint.ts): it recalculates every
 * add-in's formulas and marks the workbook changed.
 * Overrides are merged and queried with the functions' own core (runtime.core), so the
 * functions recognise every error the override data raises.
 */
import type { RejectedRow } from "../src/data/overrides";
import type { RareData } from "../src/data/rare-data";
import {
  describeKind,
  detectOverrides,
  type DetectedOverrides,
  type OverrideKind,
} from "../src/overrides/detect-overrides";
import {
  CALCULATED_WITH_KEY,
  dataFingerprint,
  needsRecalculation,
  readFingerprint,
} from "../src/overrides/fingerprint";
import {
  OVERRIDES_KEY,
  emptyOverrides,
  serialiseWithinBudget,
  withLayer,
  withoutLayer,
  type StoredLayer,
  type StoredOverrides,
} from "../src/overrides/store";
import { readStoredOverrides } from "../src/overrides/validate-stored";
import type { Workbook } from "../src/workbook/workbook";
import type { RareRuntime } from "../functions/runtime-bridge";

export interface OverridesState {
  stored: StoredOverrides;
  rejected: RejectedRow[];
  /** What was left out of the stored value, one sentence each (shown by the pane). */
  notices: string[];
}

/** Refused before anything was stored (too large for the workbook's settings). */
export class OverridesRefused extends Error {}

/** What reading a linked table again found, for the pane (the same messages as after an import). */
export interface TableRefresh {
  readonly table: string;
  readonly kind: OverrideKind;
  /** Rows now in use. */
  readonly used: number;
  readonly rejected: RejectedRow[];
  /** Set when the table could not be used: the layer keeps the figures it had. */
  readonly problem?: string;
}

/** How long table changes settle before linked overrides are read again. */
const FOLLOW_DELAY_MS = 500;

export class OverridesController {
  private state: OverridesState = { stored: emptyOverrides(), rejected: [], notices: [] };
  private readonly listeners = new Set<(s: OverridesState) => void>();
  /** The stored text now applied: a settings-changed event with the same text changes nothing. */
  private appliedText: string | null = null;

  constructor(
    private readonly workbook: Workbook,
    private readonly runtime: RareRuntime,
    /** Told when a co-author's change could not be applied (follow). */
    private readonly onFollowError: (e: unknown) => void = () => undefined,
  ) {}

  get current(): OverridesState {
    return this.state;
  }

  subscribe(listener: (s: OverridesState) => void): void {
    this.listeners.add(listener);
  }

  /** At start-up: what the workbook holds is applied before any view is used. */
  async load(): Promise<OverridesState> {
    const text = await this.workbook.getAddinData(OVERRIDES_KEY);
    const read = readStoredOverrides(text, OVERRIDES_KEY);
    this.appliedText = text;
    this.applyRead(read.stored, read.notices);
    const recorded = readFingerprint(await this.workbook.getAddinData(CALCULATED_WITH_KEY));
    const current = this.fingerprint();
    if (recorded.notice || needsRecalculation(recorded.fingerprint, current, this.state.stored.layers.length > 0)) {
      await this.recalculate();
    }
    if (recorded.notice) this.applyRead(this.state.stored, [...this.state.notices, recorded.notice]);
    return this.state;
  }

  /**
   * Keeps this runtime in step when a co-author changes the stored overrides. Excel raises
   * the settings-changed event only in Excel on the web while co-authoring
   * (https://learn.microsoft.com/javascript/api/office/office.settingschangedeventargs).
   */
  async follow(): Promise<void> {
    await this.workbook.onAddinDataChanged(() => {
      this.reload().catch(this.onFollowError);
    });
  }

  private async reload(): Promise<void> {
    const text = await this.workbook.getAddinData(OVERRIDES_KEY);
    if (text === this.appliedText) return;
    const before = this.fingerprint();
    const read = readStoredOverrides(text, OVERRIDES_KEY);
    this.appliedText = text;
    this.applyRead(read.stored, read.notices);
    // The co-author recalculated their copy; this runtime's formulas still show the old data.
    if (this.fingerprint() !== before) await this.workbook.recalculate(true);
  }

  /**
   * Validates and applies a detected import or table; returns the rows that were not used.
   * `table`: the workbook table it came from, which Refresh data reads again.
   */
  async use(detected: DetectedOverrides, table?: string): Promise<RejectedRow[]> {
    const next = withLayer(this.state.stored, {
      kind: detected.kind,
      source: detected.overrides.source,
      overrides: detected.overrides,
      ...(table ? { table } : {}),
    });
    const trial = this.merge(next);
    const ofKind = (rows: RejectedRow[]) => rows.filter((r) => r.kind === kindOf(detected));
    // Nothing usable: keep what was in force rather than storing an empty layer.
    if (ofKind(trial.rejected).length >= detected.rowCount) return ofKind(trial.rejected);
    const serialised = serialiseWithinBudget(next);
    if ("refused" in serialised) throw new OverridesRefused(serialised.refused);
    await this.store(next, serialised.text);
    return ofKind(this.state.rejected);
  }

  /** What `table` would give RARE, or null when its shape is not one RARE knows. */
  async detectTable(table: string, source: string): Promise<DetectedOverrides | null> {
    const info = (await this.workbook.listTables()).find((t) => t.name.toLowerCase() === table.toLowerCase());
    if (!info) return null;
    const { headers, rows } = await this.workbook.readTable(info.name);
    return detectOverrides(headers, rows, source, info.rect.row + 1);
  }

  /**
   * Reads every table an override layer is linked to again and re-validates it with
   * mergeOverrides, as when it was first used. A table that is gone, no longer has its shape,
   * or has no usable row leaves its layer's figures as they were, with a problem to show.
   */
  async refreshFromTables(): Promise<TableRefresh[]> {
    const reports: TableRefresh[] = [];
    let next = this.state.stored;
    const linked = next.layers.filter((l): l is StoredLayer & { table: string } => !!l.table);
    for (const layer of linked) {
      const keep = (problem: string) =>
        reports.push({ table: layer.table, kind: layer.kind, used: 0, rejected: [], problem });
      let detected: DetectedOverrides | null;
      try {
        detected = await this.detectTable(layer.table, layer.source);
      } catch (e) {
        keep(
          `Table "${layer.table}" could not be read (${e instanceof Error ? e.message : String(e)}); the override keeps its figures.`,
        );
        continue;
      }
      if (!detected || detected.kind !== layer.kind) {
        keep(
          `Table "${layer.table}" is gone or no longer looks like ${describeKind(layer.kind)}; the override keeps the figures it had. Remove it if it should go.`,
        );
        continue;
      }
      const candidate = withLayer(next, { ...layer, overrides: detected.overrides });
      const ofKind = this.merge(candidate).rejected.filter((r) => r.kind === kindOf(detected));
      if (ofKind.length >= detected.rowCount) {
        reports.push({
          table: layer.table,
          kind: layer.kind,
          used: 0,
          rejected: ofKind,
          problem: `No row of table "${layer.table}" can be used now; the override keeps the figures it had.`,
        });
        continue;
      }
      next = candidate;
      reports.push({ table: layer.table, kind: layer.kind, used: detected.rowCount - ofKind.length, rejected: ofKind });
    }
    if (next !== this.state.stored && JSON.stringify(next) !== JSON.stringify(this.state.stored)) {
      const serialised = serialiseWithinBudget(next);
      if ("refused" in serialised) throw new OverridesRefused(serialised.refused);
      await this.store(next, serialised.text);
    }
    return reports;
  }

  /**
   * Reads the linked tables again whenever table cells change (Workbook.onTablesChanged),
   * once the changes settle; `onReport` gets what each refresh found.
   */
  async followTables(onReport: (reports: TableRefresh[]) => void): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        // A table half way through a re-import is not read: wait for the writer.
        if (this.writing > 0) return schedule();
        this.refreshFromTables().then(onReport, this.onFollowError);
      }, FOLLOW_DELAY_MS);
    };
    await this.workbook.onTablesChanged(() => {
      if (this.state.stored.layers.some((l) => l.table)) schedule();
    });
  }

  private writing = 0;

  /** Runs a writer of table rows; linked tables are not followed until it ends. */
  async whileWriting<T>(work: () => Promise<T>): Promise<T> {
    this.writing++;
    try {
      return await work();
    } finally {
      this.writing--;
    }
  }

  /** Removes one layer; the other overrides stay in force. */
  async remove(kind: OverrideKind): Promise<void> {
    const next = withoutLayer(this.state.stored, kind);
    await this.store(next, JSON.stringify(next));
  }

  /** Removes the stored overrides, a damaged stored value included. */
  async clear(): Promise<void> {
    const empty = emptyOverrides();
    await this.store(empty, JSON.stringify(empty));
  }

  private async store(stored: StoredOverrides, text: string): Promise<void> {
    await this.workbook.setAddinData(OVERRIDES_KEY, text);
    this.appliedText = text;
    this.apply(stored, []);
    await this.recalculate();
  }

  private fingerprint(): string {
    return dataFingerprint(this.runtime.bundled.version(), this.state.stored);
  }

  /** Full recalculation, then the record of the data it used. */
  private async recalculate(): Promise<void> {
    await this.workbook.recalculate(true);
    await this.workbook.setAddinData(CALCULATED_WITH_KEY, this.fingerprint());
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

  /** Stored data that passed the shape check but still cannot be merged is left out too. */
  private applyRead(stored: StoredOverrides, notices: string[]): void {
    try {
      this.apply(stored, notices);
    } catch (e) {
      this.apply(emptyOverrides(), [
        ...notices,
        `The workbook's stored RARE overrides could not be applied (${e instanceof Error ? e.message : String(e)}); RARE functions use the bundled data; Clear overrides removes the stored value.`,
      ]);
    }
  }

  private apply(stored: StoredOverrides, notices: string[]): void {
    const { dataset, rejected } = this.merge(stored);
    this.runtime.useQueries(stored.layers.length ? this.runtime.core.queriesFor(dataset) : null);
    this.state = { stored, rejected, notices };
    for (const l of this.listeners) l(this.state);
  }
}

const kindOf = (d: DetectedOverrides): RejectedRow["kind"] =>
  ({ shares: "share", production: "production", prices: "price" })[d.kind] as RejectedRow["kind"];
