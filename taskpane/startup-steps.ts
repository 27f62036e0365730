/**
 * What the pane does at start beyond showing its views, one step at a time, so a failed
 * step is shown with what it means for the user and can be retried while the rest runs.
 * The functions answer from the bundled data whatever fails here.
 */
import { sha256Hex } from "../src/data/sha256";
import { CalculationGuard } from "../src/workbook/calculation-guard";
import { messageOf } from "../src/workbook/errors";
import type { Workbook } from "../src/workbook/workbook";
import type { OverridesController } from "./overrides-controller";
import { setForceRefreshFunctionsCache, setLoadWithWorkbook, type HostKind } from "./office-host";

export interface StartupStep {
  readonly id: string;
  /** What a failure means, for the pane ("… could not be read: the functions use the bundled data"). */
  readonly meaning: string;
  /** Runs the step; returns sentences worth showing (e.g. a restored calculation mode). */
  run(): Promise<string[]>;
}

/** Add-in data key: "off" when the user chose not to load RARE with this workbook. */
export const LOAD_WITH_WORKBOOK_KEY = "rare.loadWithWorkbook";
/** Add-in data key: fingerprint of the functions.json this workbook last ran with. */
const FUNCTIONS_METADATA_KEY = "rare.functionsMetadata";

export function startupSteps(host: HostKind, workbook: Workbook, overrides: OverridesController): StartupStep[] {
  const steps: StartupStep[] = [
    {
      id: "calculation",
      meaning:
        "RARE could not check whether an interrupted import left calculation on Manual: check Formulas > Calculation Options",
      run: async () => {
        const notice = await new CalculationGuard(workbook).recover();
        return notice ? [notice] : [];
      },
    },
    {
      id: "overrides",
      meaning: "The workbook's overrides could not be read: RARE functions use the bundled data",
      run: async () => {
        await overrides.load();
        return [];
      },
    },
    {
      id: "coauthors",
      meaning: "Overrides a co-author changes will apply here only after the pane is reopened",
      run: async () => {
        await overrides.follow();
        return [];
      },
    },
  ];
  if (host !== "excel") return steps;
  return [
    ...steps,
    {
      id: "startup",
      meaning: "RARE could not set itself to load with this workbook: open the RARE pane after opening the workbook",
      run: async () => {
        await setLoadWithWorkbook((await workbook.getAddinData(LOAD_WITH_WORKBOOK_KEY)) !== "off");
        return [];
      },
    },
    {
      id: "metadata",
      meaning:
        "RARE could not check whether Excel has its current function list: new functions may take a day to appear",
      run: async () => {
        const response = await fetch("functions.json");
        if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
        const fingerprint = sha256Hex(new Uint8Array(await response.arrayBuffer()));
        const changed = (await workbook.getAddinData(FUNCTIONS_METADATA_KEY)) !== fingerprint;
        // On for the next open only when the metadata changed; off once that open has refreshed it.
        await setForceRefreshFunctionsCache(changed);
        if (changed) await workbook.setAddinData(FUNCTIONS_METADATA_KEY, fingerprint);
        return [];
      },
    },
  ];
}

export interface StartupResult {
  /** The steps that failed, to run again on Retry. */
  readonly failed: StartupStep[];
  /** One sentence per failed step: what it means, and Excel's own message. */
  readonly problems: string[];
  /** What the steps that ran had to say. */
  readonly notices: string[];
}

/** Runs every step, each on its own: one failing does not stop the others. */
export async function runStartup(steps: readonly StartupStep[]): Promise<StartupResult> {
  const result: StartupResult = { failed: [], problems: [], notices: [] };
  for (const step of steps) {
    try {
      result.notices.push(...(await step.run()));
    } catch (e) {
      result.failed.push(step);
      result.problems.push(`${step.meaning} (${messageOf(e)}).`);
    }
  }
  return result;
}
