/**
 * Yielding to the event loop between slices of work, so the task pane stays responsive.
 * setImmediate (Node) and MessageChannel (browsers) run without the 4 ms clamp nested
 * setTimeout calls get; setTimeout is the fallback.
 */
type Scheduler = (resume: () => void) => void;

function pickScheduler(): Scheduler {
  const g = globalThis as { setImmediate?: (f: () => void) => void; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === "function") {
    const setImmediate = g.setImmediate;
    return (resume) => setImmediate(resume);
  }
  if (typeof g.MessageChannel === "function") {
    const channel = new g.MessageChannel();
    const queue: Array<() => void> = [];
    channel.port1.onmessage = () => queue.shift()?.();
    return (resume) => {
      queue.push(resume);
      channel.port2.postMessage(null);
    };
  }
  return (resume) => setTimeout(resume, 0);
}

let scheduler: Scheduler | null = null;

export function yieldToEventLoop(): Promise<void> {
  scheduler ??= pickScheduler();
  const schedule = scheduler;
  return new Promise((resolve) => schedule(resolve));
}

export function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
