/**
 * Calculation set to Manual for the length of an import, safely. Suspending calculation
 * only speeds the import up, so it is best effort: if it fails the import runs with
 * calculation as it was. The mode found is written to the workbook's add-in data before it
 * is changed, because `application.calculationMode` is application state that outlives
 * the add-in: if the runtime dies mid-import (the tab closes, Excel restarts the add-in),
 * the next start finds the record and restores the mode (`recover`). Both hosts use this.
 */
import { messageOf } from "./errors";

export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

export const CALCULATION_MODES: readonly CalculationMode[] = ["Automatic", "AutomaticExceptTables", "Manual"];

/** Add-in data key of the mode to restore; absent when no import is under way. */
export const CALCULATION_RECORD_KEY = "rare.calculationModeToRestore";

/** What a host offers: reading and setting the mode (null: this host cannot), and add-in data. */
export interface CalculationHost {
  readCalculationMode(): Promise<CalculationMode | null>;
  writeCalculationMode(mode: CalculationMode): Promise<void>;
  getAddinData(key: string): Promise<string | null>;
  setAddinData(key: string, value: string): Promise<void>;
  removeAddinData(key: string): Promise<void>;
}

export class CalculationGuard {
  /** The mode to put back on resume; null when nothing was changed. */
  private saved: CalculationMode | null = null;

  constructor(private readonly host: CalculationHost) {}

  /** Switches to Manual if it can; never throws. Returns why it could not, or null. */
  async suspend(): Promise<string | null> {
    if (this.saved !== null) return null;
    try {
      const mode = await this.host.readCalculationMode();
      if (mode === null) return "this Excel cannot set the calculation mode (it needs ExcelApi 1.8)";
      if (mode === "Manual") return null;
      await this.host.setAddinData(CALCULATION_RECORD_KEY, mode);
      this.saved = mode;
      await this.host.writeCalculationMode("Manual");
      return null;
    } catch (e) {
      // The record may be written: resume still puts the mode back and removes it.
      return messageOf(e);
    }
  }

  /** Puts back the mode found by suspend and removes the record; throws if Excel refused. */
  async resume(): Promise<void> {
    const mode = this.saved;
    if (mode === null) return;
    await this.host.writeCalculationMode(mode);
    this.saved = null;
    await this.host.removeAddinData(CALCULATION_RECORD_KEY);
  }

  /**
   * At start: a record means an import never finished. If calculation is still Manual, the
   * recorded mode is put back. Returns a sentence for the pane, or null when there was nothing.
   */
  async recover(): Promise<string | null> {
    const text = await this.host.getAddinData(CALCULATION_RECORD_KEY);
    if (text === null) return null;
    await this.host.removeAddinData(CALCULATION_RECORD_KEY);
    if (!CALCULATION_MODES.includes(text as CalculationMode)) {
      return `The workbook's record of the calculation mode to restore (setting "${CALCULATION_RECORD_KEY}") was not a calculation mode and was removed; check Formulas > Calculation Options.`;
    }
    const now = await this.host.readCalculationMode();
    if (now !== "Manual") return null; // someone has set it since: theirs stands
    await this.host.writeCalculationMode(text as CalculationMode);
    return `An earlier import did not finish while calculation was set to Manual; RARE set calculation back to ${text}.`;
  }
}
