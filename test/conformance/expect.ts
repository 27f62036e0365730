/** The script's one assertion: deep equality with a message saying what was compared. */
export class ConformanceFailure extends Error {
  constructor(
    message: string,
    readonly observed?: unknown,
  ) {
    super(message);
    this.name = "ConformanceFailure";
  }
}

export function same(actual: unknown, expected: unknown, what: string): void {
  if (!deepEqual(actual, expected))
    throw new ConformanceFailure(
      `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
      actual,
    );
}

export function truthy(condition: boolean, what: string, observed?: unknown): void {
  if (!condition) throw new ConformanceFailure(what, observed);
}

/** Runs `work`, which must fail; returns the error's message. */
export async function fails(work: () => Promise<unknown>, what: string): Promise<string> {
  try {
    await work();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new ConformanceFailure(`${what}: expected a failure, it succeeded`);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
