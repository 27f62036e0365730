/**
 * Progress and cancellation shared by the three workbook actions. Each action checks the
 * signal between requests (never inside one: a request Excel has started runs to its end)
 * and, when cancelled, puts back what it changed before throwing TravelCancelled.
 */
import type { Workbook } from "../workbook/workbook";

export interface TravelProgress {
  /** What is happening, for the pane: "Reading Sheet1", "Freezing formulas". */
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

export interface TravelOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TravelProgress) => void;
}

export class TravelCancelled extends Error {
  constructor(message = "Cancelled: the workbook is as it was.") {
    super(message);
    this.name = "TravelCancelled";
  }
}

export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new TravelCancelled();
}

/**
 * Runs a whole action with calculation and screen updating suspended (Workbook.suspendUpdates),
 * so the workbook recalculates once at the end rather than after each of its requests.
 */
export async function withUpdatesSuspended<T>(workbook: Workbook, work: () => Promise<T>): Promise<T> {
  await workbook.suspendUpdates();
  try {
    return await work();
  } finally {
    await workbook.resumeUpdates();
  }
}
