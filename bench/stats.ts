/**
 * Measurement helpers shared by the benches: a monotonic nanosecond clock, medians, a sink
 * that keeps measured results alive, and a description of the machine the figures come from.
 */
import os from "os";

/** Medians, not means: one GC pause or scheduler hiccup in a run must not move the figure. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of no values");
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Monotonic and nanosecond-grained (performance.now() is rounded in some runtimes). */
export function nowNs(): bigint {
  return process.hrtime.bigint();
}

/** Milliseconds `fn` takes, with its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = nowNs();
  const value = fn();
  return { ms: Number(nowNs() - start) / 1e6, value };
}

/**
 * Where loops put their accumulated results. A module-level variable the optimiser cannot
 * prove unused, so a loop whose results feed it is never eliminated as dead code.
 */
let sinkValue = 0;
export function consume(x: number): void {
  sinkValue += x;
}
export function sink(): number {
  return sinkValue;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  platform: string;
  date: string;
  /** 1-minute load average when the suite started: other work on the machine skews timings. */
  loadAverage: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${os.release()} (${process.arch})`,
    date: new Date().toISOString(),
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
