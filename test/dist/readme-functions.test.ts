/**
 * README's function table documents every function Excel gets (dist/functions.json), each
 * with its parameters in order and the optional ones in [brackets], so a new function or a
 * new argument (such as the pinnable `edition`) cannot ship undocumented; and every example
 * whose arguments are literals gives, through the built bundle, the result the table prints
 * (so the examples move with the data, as MCS2026's shares and HHI did).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { isRecordedError, loadFunctionsBundle } from "../support/functions-bundle";
import { distDir, repoRoot } from "../support/paths";

interface Metadata {
  functions: Array<{ id: string; parameters: Array<{ name: string; optional?: boolean }> }>;
}

const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as Metadata;
const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## The functions"), readme.indexOf("\n## ", readme.indexOf("## The functions") + 1));

/** Signatures from the table's first column: "| `RARE.PRICE(oxide_or_element, [year], [edition])`: …" */
const documented = new Map(
  [...section.matchAll(/^\| `RARE\.([A-Z]+)\(([^)]*)\)`/gm)].map((m) => [m[1], m[2].split(",").map((s) => s.trim()).filter(Boolean)]),
);

describe("README's function table", () => {
  it("has a row for every function in functions.json, and no other", () => {
    expect([...documented.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it.each(metadata.functions.map((f) => [f.id, f] as const))("%s: its parameters, in order, optional ones in [brackets]", (id, fn) => {
    expect(documented.get(id)).toEqual(fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)));
  });

  it("gives an example and its result for every function", () => {
    for (const fn of metadata.functions) {
      const row = section.split("\n").find((line) => line.startsWith(`| \`RARE.${fn.id}(`))!;
      const cells = row.split(/(?<!\\)\|/).map((c) => c.trim());
      expect(`${fn.id}: ${cells[2]}`).toMatch(new RegExp(`^${fn.id}: .*=RARE\\.${fn.id}\\(`));
      expect(`${fn.id}: ${cells[3] ?? ""}`).toMatch(new RegExp(`^${fn.id}: \\S`));
    }
  });
});

/** `=RARE.F("a",2024,50%)` → ["F", ["a", 2024, 0.5]]; null when an argument is not a literal. */
function literalCall(example: string): [string, unknown[]] | null {
  const m = /^=RARE\.([A-Z]+)\((.*)\)$/.exec(example);
  if (!m) return null;
  const args = m[2] === "" ? [] : (m[2].match(/"[^"]*"|[^,]+/g) ?? []).map((a) => a.trim());
  const values = args.map((a) =>
    /^"[^"]*"$/.test(a) ? a.slice(1, -1) : /^-?[\d.]+%$/.test(a) ? Number(a.slice(0, -1)) / 100 : /^-?[\d.]+$/.test(a) ? Number(a) : undefined,
  );
  return values.includes(undefined) ? null : [m[1], values];
}

describe("README's examples", () => {
  const bundle = loadFunctionsBundle();
  const rows = section.split("\n").filter((line) => line.startsWith("| `RARE."));
  const pairs = rows.flatMap((row) => {
    const cells = row.split(/(?<!\\)\|/).map((c) => c.trim());
    const examples = [...cells[2].matchAll(/`(=RARE\.[^`]*)`/g)].map((m) => m[1]);
    const results = cells[3].split(/<br>|; (?=`)/).map((r) => /^`([^`]*)`/.exec(r.trim())?.[1] ?? null);
    return examples.length === results.length ? examples.map((e, i) => [e, results[i]] as const) : [];
  });

  it("has examples to check", () => {
    expect(pairs.length).toBeGreaterThan(20);
  });

  it.each(pairs.filter(([e, r]) => r !== null && literalCall(e) && !/^=RARE\.(SOURCE|VERSION|HISTORY|LIST|TABLE)\(/.test(e)))(
    "%s gives %s",
    (example, printed) => {
      const [id, args] = literalCall(example)!;
      // Excel passes null for each optional argument left out.
      const arity = metadata.functions.find((f) => f.id === id)!.parameters.length;
      const out = bundle.byId[id](...args.map((a) => [[a]]), ...Array(arity - args.length).fill(null));
      const value = Array.isArray(out) ? (out as unknown[][])[0][0] : out;
      if (/^#/.test(printed!)) {
        expect(isRecordedError(value) && value.code).toBe(printed);
      } else if (/^-?[\d.,]+…?$/.test(printed!) && typeof value === "number") {
        const digits = printed!.replace(/,/g, "");
        if (digits.endsWith("…")) expect(String(value).startsWith(digits.slice(0, -1))).toBe(true);
        else expect(value).toBeCloseTo(Number(digits), 10);
      } else {
        expect(value).toBe(printed);
      }
    },
  );
});
