/**
 * Records the RARE values after every recalculation the pane asks for (src/travel/
 * refresh-record.ts), and keeps the "What changed" report when the dataset in force
 * moved. The pane's views recalculate through the Workbook port; `recordingRecalculations`
 * wraps the port so each `recalculate` is followed by a record, without the views knowing.
 * One lock serialises the records and the Workbook view's actions: two of them never
 * write the workbook at once.
 */
import { dataFingerprint } from "../src/overrides/fingerprint";
import type { StoredOverrides } from "../src/overrides/store";
import { changeLogFrom, type ChangeLog, type ChangeLogData } from "../src/travel/change-log";
import {
  MAX_RECORDED_CELLS,
  readRecordMeta,
  recordRefresh,
  type ChangeReport,
  type DatasetInForce,
} from "../src/travel/refresh-record";
import type { Workbook } from "../src/workbook/workbook";

export class TravelLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** The dataset in force: the bundled version and a fingerprint of the workbook's overrides. */
export function datasetInForce(version: string, stored: StoredOverrides): DatasetInForce {
  if (stored.layers.length === 0) return { version, overrides: "" };
  return { version, overrides: dataFingerprint(version, stored).slice(-12) };
}

export class RefreshRecorder {
  private latest: ChangeReport | null = null;
  private recordedOther: DatasetInForce | null = null;
  private problem: string | null = null;
  private readonly listeners = new Set<() => void>();

  private changeLog: Promise<ChangeLog | undefined> | null = null;

  constructor(
    private readonly workbook: Workbook,
    private readonly inForce: () => DatasetInForce,
    readonly lock: TravelLock,
    /** The data-change log, loaded once and only when a record was made with another dataset version. */
    private readonly loadChangeLog: () => Promise<ChangeLog> = async () => () => null,
  ) {}

  get report(): ChangeReport | null {
    return this.latest;
  }

  /**
   * Set when the workbook's record was made with other data than is in force now (found at
   * start-up, before any recalculation): the figures shown are still the old ones.
   */
  get staleRecord(): DatasetInForce | null {
    return this.recordedOther;
  }

  /** At start-up: is the workbook's record from other data than now in force? */
  check(): Promise<void> {
    return this.lock.run(async () => {
      try {
        const meta = await readRecordMeta(this.workbook);
        const now = this.inForce();
        this.recordedOther =
          meta && (meta.dataset.version !== now.version || meta.dataset.overrides !== now.overrides)
            ? meta.dataset
            : null;
      } catch {
        this.recordedOther = null; // no record to compare with: nothing to offer
      }
      this.emit();
    });
  }

  /** Why the last record could not be made, if it could not. */
  get lastProblem(): string | null {
    return this.problem;
  }

  subscribe(listener: () => void): void {
    this.listeners.add(listener);
  }

  record(): Promise<void> {
    return this.lock.run(async () => {
      try {
        const now = this.inForce();
        const meta = await readRecordMeta(this.workbook);
        const changeLog = meta && meta.dataset.version !== now.version ? await this.changeLogOnce() : undefined;
        const outcome = await recordRefresh(this.workbook, now, { changeLog });
        if (outcome.report) this.latest = outcome.report;
        this.recordedOther = null;
        this.problem = outcome.capped
          ? `Only the first ${MAX_RECORDED_CELLS.toLocaleString("en-US")} RARE cells were recorded: What changed covers those cells only.`
          : null;
      } catch (e) {
        this.problem = `The RARE values could not be recorded: ${e instanceof Error ? e.message : String(e)}`;
      }
      this.emit();
    });
  }

  /** Without the log, reasons fall back to the version change: never a reason to fail the record. */
  private changeLogOnce(): Promise<ChangeLog | undefined> {
    this.changeLog ??= this.loadChangeLog().catch(() => undefined);
    return this.changeLog;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The same port, with a record after each recalculation (not awaited: the caller goes on). */
export function recordingRecalculations(inner: Workbook, recorder: RefreshRecorder): Workbook {
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === "recalculate")
        return async (full: boolean) => {
          await target.recalculate(full);
          void recorder.record();
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The data-change log the build serves next to the pane (dist/changes.json). */
export async function fetchChangeLog(): Promise<ChangeLog> {
  const response = await fetch("changes.json");
  if (!response.ok) throw new Error(`changes.json: HTTP ${response.status}`);
  return changeLogFrom((await response.json()) as ChangeLogData);
}
