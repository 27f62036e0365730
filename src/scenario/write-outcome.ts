/** What writeScenarioSheet takes and returns, and how it fails (shared by create and update). */
import { messageOf } from "../workbook/errors";
import type { KeptExposure } from "./keep-exposures";

export type ScenarioWriteMode = "create" | "update";

export interface WriteScenarioOptions {
  readonly mode: ScenarioWriteMode;
  /** Show the sheet when done (default true). */
  readonly activate?: boolean;
}

export interface ScenarioWriteOutcome {
  readonly sheetName: string;
  readonly mode: ScenarioWriteMode;
  readonly tableName: string;
  /** Exposures carried over from the old sheet (update). */
  readonly kept: readonly KeptExposure[];
  /** Exposures of elements no longer on the sheet: gone, so the pane must say so. */
  readonly dropped: readonly KeptExposure[];
  /** Update: the layout changed (strategies or number of elements), so the table and chart were rebuilt. */
  readonly rebuilt: boolean;
}

export type ScenarioWriteErrorCode =
  | "sheetExists"
  | "sheetMissing"
  /** The sheet of that name was not made by RARE's scenario writer (or has lost its table). */
  | "notScenarioSheet"
  /** The layout changed, and the sheet's chart was recorded without a name, so it cannot be replaced. */
  | "layoutChanged"
  | "writeFailed";

export class ScenarioWriteError extends Error {
  constructor(
    readonly code: ScenarioWriteErrorCode,
    message: string,
    /** True when the workbook is as it was before the write began. */
    readonly restored: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ScenarioWriteError";
  }
}

/** How a failed write is told: what was being done, and what its undo left. */
export interface UndoWording {
  /** The write, as in `Creating the scenario sheet "Scenario X"`. */
  readonly action: string;
  /** Said when the undo worked. */
  readonly undone: string;
  /** Said when the undo failed too, given the undo's own error message. */
  readonly notUndone: (problem: string) => string;
}

/**
 * Runs the undo of a write that failed with `cause`, and returns the error to throw: it says
 * what failed and what the undo left, and counts as restored only when the undo worked.
 */
export async function undoFailedWrite(
  cause: unknown,
  undo: () => Promise<unknown>,
  wording: UndoWording,
): Promise<ScenarioWriteError> {
  let problem: string | null = null;
  try {
    await undo();
  } catch (e) {
    problem = messageOf(e);
  }
  const undone = problem === null ? wording.undone : wording.notUndone(problem);
  return new ScenarioWriteError(
    "writeFailed",
    `${wording.action} failed: ${messageOf(cause)}. ${undone}`,
    problem === null,
    { cause },
  );
}
