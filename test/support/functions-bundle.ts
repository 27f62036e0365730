/**
 * Loads the built dist/functions.js the way Excel does: evaluate it in a fresh global
 * where CustomFunctions is a recording stub (associate + Error), then hand back what was
 * associated. Nothing from src/ is imported here, so this exercises the real artefact.
 */
import { readFileSync } from "fs";
import { join } from "path";
import vm from "vm";
import { distDir } from "./paths";

export class RecordedError {
  readonly type = "Error";
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type Associated = (...args: unknown[]) => unknown;

export interface FunctionsBundle {
  associations: Array<[string, Associated]>;
  byId: Record<string, Associated>;
  global: Record<string, unknown>;
  loadMs: number;
}

/** `globals` add to or replace the realm's globals: another clock, or an `Office` whose requirements answer as a given Excel would. */
export function loadFunctionsBundle(
  file = join(distDir, "functions.js"),
  globals: Record<string, unknown> = {},
): FunctionsBundle {
  return evaluateFunctionsBundle(readFileSync(file, "utf8"), file, globals);
}

/** The same from the bundle's text (the help page generator evaluates the asset webpack emits). */
export function evaluateFunctionsBundle(
  code: string,
  file: string,
  globals: Record<string, unknown> = {},
): FunctionsBundle {
  const associations: Array<[string, Associated]> = [];
  const sandbox: Record<string, unknown> = {
    ...globals,
    console,
    setTimeout,
    clearTimeout,
    CustomFunctions: {
      associate: (id: string, fn: Associated) => associations.push([id, fn]),
      Error: RecordedError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        invalidNumber: "#NUM!",
        divisionByZero: "#DIV/0!",
        nullReference: "#NULL!",
        invalidName: "#NAME?",
        invalidReference: "#REF!",
      },
    },
    ...globals,
  };
  const context = vm.createContext(sandbox);
  const started = process.hrtime.bigint();
  vm.runInContext(code, context, { filename: file });
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  const byId: Record<string, Associated> = {};
  for (const [id, fn] of associations) byId[id] = fn;
  return { associations, byId, global: sandbox, loadMs };
}

/** The errors a bundle returns are RecordedError instances from the stub above. */
export function isRecordedError(v: unknown): v is RecordedError {
  return v instanceof RecordedError;
}
