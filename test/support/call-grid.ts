/**
 * Calls every RARE function with every combination of a small pool of argument values in
 * which at most MAX_SET_ARGUMENTS arguments are given (the rest omitted), and records each
 * outcome as text: "#CODE message" for an error, the JSON value otherwise. Every argument
 * check and lookup is reached with any three others set; the full product for the
 * five-argument functions (13^5 calls each) only repeats those paths at 20 times the cost.
 * Used to compare two runtimes (bundled data against overrides, one bundle against
 * another) over the same calls. Self-contained, with no imports or closures, so it can be
 * shipped into the built page with page.evaluate.
 */
export interface GridInput {
  /** Each function's id and parameter count, as dist/functions.json declares them. */
  functions: Array<{ id: string; arity: number }>;
  pool: unknown[];
  /** At most this many arguments are given in one call; omitted: 3. */
  maxSet?: number;
}

export type Outcomes = Record<string, string>;

/** Names, numbers, logicals and blanks that reach every argument check and every lookup. */
export const CALL_POOL: unknown[] = [
  "Terbium",
  "Neodymium",
  "Unobtainium",
  "China",
  "mining",
  "elements",
  "share",
  2024,
  1850,
  0.5,
  1.5,
  true,
  null,
];

export function callGrid(input: GridInput, global: object = globalThis): Outcomes {
  type Fn = (...args: unknown[]) => unknown;
  const associated = (global as { RareRuntime: { associated: Record<string, Fn> } }).RareRuntime.associated;
  const out: Outcomes = {};
  const describe = (v: unknown): string => {
    if (typeof v === "object" && v !== null) {
      const { code, message } = v as { code?: unknown; message?: unknown };
      if (typeof code === "string" && code.startsWith("#")) return `${code} ${String(message ?? "")}`;
    }
    return JSON.stringify(v);
  };
  const maxSet = input.maxSet ?? 3;
  for (const { id, arity } of input.functions) {
    const n = input.pool.length;
    const total = Math.pow(n, arity);
    for (let k = 0; k < total; k++) {
      const args: unknown[] = [];
      let rest = k;
      let set = 0;
      for (let i = 0; i < arity; i++) {
        const v = input.pool[rest % n];
        rest = Math.floor(rest / n);
        if (v !== null) set++;
        args.push(v === null ? null : [[v]]);
      }
      if (set > maxSet) continue;
      const result = associated[id](...args);
      const first = Array.isArray(result) ? (result as unknown[][])[0][0] : result;
      out[`${id}(${args.map((a) => JSON.stringify(a === null ? null : (a as unknown[][])[0][0])).join(",")})`] =
        describe(first);
    }
  }
  return out;
}

/** The calls whose outcome is an error in either run and differs between them. */
export function errorDifferences(a: Outcomes, b: Outcomes): string[] {
  const isError = (s: string | undefined) => s !== undefined && s.startsWith("#");
  return Object.keys(a)
    .filter((key) => (isError(a[key]) || isError(b[key])) && a[key] !== b[key])
    .map((key) => `${key}: ${a[key]} then ${b[key]}`);
}
