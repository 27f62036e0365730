/**
 * Progress and cancellation shared by the three workbook actions. Each action checks the
 * signal between requests (never inside one: a request Excel has started runs to its end)
 * and, when cancelled, puts back what it changed before throwing TravelCancelled.
 */
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
