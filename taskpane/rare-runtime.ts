/**
 * The pane's handle on the functions bundle. functions.js loads first in the same page
 * (the shared runtime; the preview loads both too) and publishes globalThis.RareRuntime.
 */
import type { RareRuntime } from "../functions/runtime-bridge";

export function rareRuntime(): RareRuntime {
  const runtime = (globalThis as { RareRuntime?: RareRuntime }).RareRuntime;
  if (!runtime) throw new Error("The RARE functions did not load (functions.js missing), so the pane cannot run.");
  return runtime;
}
