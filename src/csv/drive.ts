/**
 * Runs a TablePass to the end: at once (sync), or in time slices with progress, cancel and
 * yields to the event loop in between (async), so a 50 MB file does not freeze the pane.
 */
import type { Progress, RunControl } from "./options";
import type { TablePass } from "./pass";
import { now, yieldToEventLoop } from "./schedule";

export function runSync(pass: TablePass): void {
  while (!pass.step());
}

/** False when cancelled through control.signal. */
export async function runAsync(pass: TablePass, control: RunControl, totalBytes: number): Promise<boolean> {
  const sliceMs = control.sliceMs ?? 25;
  const textLength = pass.reader.text.length || 1;
  const progress = (): Progress => {
    const fraction = pass.done ? 1 : Math.min(1, pass.offset / textLength);
    return { rowsParsed: pass.records, bytesParsed: Math.round(fraction * totalBytes), totalBytes, fraction };
  };
  let sliceStart = now();
  for (;;) {
    if (control.signal?.aborted) return false;
    if (pass.step()) break;
    if (now() - sliceStart >= sliceMs) {
      control.onProgress?.(progress());
      await yieldToEventLoop();
      sliceStart = now();
    }
  }
  if (control.signal?.aborted) return false;
  control.onProgress?.(progress());
  return true;
}
