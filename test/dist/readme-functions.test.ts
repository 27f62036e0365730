/**
 * README's function table documents every function Excel gets (dist/functions.json), each
 * with its parameters in order and the optional ones in [brackets], so a new function or a
 * new argument (such as the pinnable `edition`) cannot ship undocumented.
 */
import { readFileSync } from "fs";
import { join } from "path";
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
