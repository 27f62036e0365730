/**
 * One function table (functions/table.ts) against the JSDoc Excel reads (as generated into
 * dist/functions.json): the same functions, the same parameters in the same order, the
 * same optionality (a parameter is optional when its coercion accepts a blank), and every
 * help text that lists the names a parameter accepts lists exactly the names the code
 * accepts. Function ids come from the built functions.json, never from a list here.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { bundled } from "../../src/data/bundled";
import { orList } from "../../src/data/names";
import type { Lifted } from "../../functions/lift";
import { functionTable } from "../../functions/table";
import { distDir } from "../support/paths";

interface Metadata {
  functions: Array<{
    id: string;
    description?: string;
    parameters: Array<{ name: string; description?: string; optional?: boolean; customEnumId?: string }>;
  }>;
  enums?: Array<{ id: string; values: Array<{ name: string; stringValue: string }> }>;
}

const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as Metadata;
const table: Record<string, Lifted> = functionTable(() => bundled);
const withParameters = metadata.functions.filter((f) => f.parameters.length > 0);

describe("the function table and functions.json", () => {
  it("declare the same functions", () => {
    expect(Object.keys(table).sort()).toEqual(withParameters.map((f) => f.id).sort());
  });

  it.each(withParameters.map((f) => [f.id, f] as const))("%s: the same parameters, in order, with the same optionality", (id, fn) => {
    const declared = table[id].params.map((p) => `${p.name}${p.optional ? "?" : ""}`);
    expect(fn.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`)).toEqual(declared);
  });

  const vocabularies = withParameters.flatMap((fn) =>
    table[fn.id].params.flatMap((p, i) => (p.vocabulary ? [[`${fn.id}.${p.name}`, fn, i, p.vocabulary] as const] : [])),
  );

  it("has parameters whose help lists the names they accept", () => {
    expect(vocabularies.length).toBeGreaterThan(0);
  });

  it.each(vocabularies)("%s: the help lists exactly the accepted names", (_, fn, i, names) => {
    const help = (fn.parameters[i].description ?? "").toLowerCase();
    expect(help).toContain(orList(names).toLowerCase());
  });

  it.each(vocabularies)("%s: no other help text of the function lists some of them only", (_, fn, i, names) => {
    const texts = [fn.description ?? "", ...fn.parameters.filter((_, j) => j !== i).map((p) => p.description ?? "")];
    for (const text of texts.map((t) => t.toLowerCase())) {
      const named = names.filter((n) => new RegExp(`\\b${n.toLowerCase()}\\b`).test(text));
      if (named.length >= 3) expect(text).toContain(orList(names).toLowerCase());
    }
  });

  const withChoices = withParameters.flatMap((fn) =>
    table[fn.id].params.flatMap((p, i) => (p.choices ? [[`${fn.id}.${p.name}`, fn, i, p.choices] as const] : [])),
  );

  it("offers Excel's AutoComplete the closed sets: stages, fields, kinds, editions", () => {
    const offered = new Set(withChoices.map(([name]) => name));
    for (const name of ["SHARE.stage", "RISK.field", "STRATEGY.field", "LIST.kind", "TABLE.kind", "SOURCE.kind", "PRODUCTION.edition"])
      expect(offered).toContain(name);
  });

  it.each(withChoices)("%s: functions.json's enum is the table's set, value for value", (_, fn, i, choices) => {
    const id = fn.parameters[i].customEnumId;
    expect(id).toBe(choices.id);
    const declared = metadata.enums?.find((e) => e.id === id);
    expect(declared?.values.map((v) => v.stringValue)).toEqual([...choices.values]);
  });

  it.each(withChoices.filter(([, , , c]) => c.id === "EDITION"))("%s: the editions offered are LIST(\"editions\")", (_, fn, i) => {
    const declared = metadata.enums?.find((e) => e.id === fn.parameters[i].customEnumId);
    expect(declared?.values.map((v) => v.stringValue)).toEqual(bundled.list("editions"));
  });

  it.each(withChoices)("%s: no value offered is refused as unknown", (_, fn, i, choices) => {
    const params = table[fn.id].params;
    for (const value of choices.values) {
      // The other arguments as a user might give them; whatever they lead to, the value offered is never "unknown".
      const args = params.map((p, k) => (k === i ? [[value]] : p.optional ? null : [["Neodymium"]]));
      const result = table[fn.id](...args)[0][0] as { code?: string; message?: string };
      const refused = typeof result === "object" && new RegExp(`Unknown [^"]*"${value}"`).test(result.message ?? "");
      expect(`${value}: ${refused ? result.message : "not refused"}`).toBe(`${value}: not refused`);
    }
  });
});
