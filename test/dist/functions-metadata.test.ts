/**
 * Golden test of the generated functions.json (as Office-Addin-Scripts does): a change to
 * any function's id, parameters or help text shows in review as a diff of
 * test/golden/functions.json. Regenerate with `UPDATE_GOLDEN=1 npx jest test/dist/functions-metadata`.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { distDir, repoRoot } from "../support/paths";

interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  enums?: Array<{ id: string; type: string; values: Array<{ name: string; stringValue?: string }> }>;
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    parameters: Array<{
      name: string;
      description?: string;
      optional?: boolean;
      type: string;
      dimensionality?: string;
      customEnumId?: string;
    }>;
    result: { type?: string; dimensionality?: string };
    options?: Record<string, unknown>;
  }>;
}

const built = readFileSync(join(distDir, "functions.json"), "utf8");
const metadata = JSON.parse(built) as Metadata;
const goldenFile = join(repoRoot, "test", "golden", "functions.json");

describe("dist/functions.json", () => {
  it("matches the golden file", () => {
    if (process.env.UPDATE_GOLDEN || !existsSync(goldenFile)) writeFileSync(goldenFile, JSON.stringify(metadata, null, 2) + "\n");
    expect(metadata).toEqual(JSON.parse(readFileSync(goldenFile, "utf8")));
  });

  it("describes every function and every parameter, for Excel's autocomplete", () => {
    for (const fn of metadata.functions) {
      expect(`${fn.id}: ${fn.description ?? ""}`).toMatch(new RegExp(`^${fn.id}: .{20,}`));
      for (const p of fn.parameters) expect(`${fn.id}.${p.name}: ${p.description ?? ""}`).toMatch(/: .{10,}/);
    }
  });

  it("declares range-capable parameters and no volatile or streaming functions", () => {
    for (const fn of metadata.functions) {
      expect(fn.options?.volatile ?? false).toBe(false);
      expect(fn.options?.stream ?? false).toBe(false);
      for (const p of fn.parameters) expect(`${fn.id}.${p.name} ${p.dimensionality}`).toBe(`${fn.id}.${p.name} matrix`);
    }
  });

  it("puts optional parameters after the required ones (the table checks which are optional)", () => {
    for (const fn of metadata.functions) {
      const flags = fn.parameters.map((p) => (p.optional ? "?" : "!")).join("");
      expect(`${fn.id} ${flags}`).toMatch(/^\S+ !*\?*$/);
    }
  });

  it("lets error cells reach every function with parameters, all of type any", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    for (const fn of metadata.functions) for (const p of fn.parameters) expect(`${fn.id}.${p.name} ${p.type}`).toBe(`${fn.id}.${p.name} any`);
  });

  it("returns data types: allowCustomDataForDataTypeAny, which ELEMENT and COUNTRY need to return entities", () => {
    // https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowcustomdatafordatatypeany
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    for (const id of ["ELEMENT", "COUNTRY"]) {
      const fn = metadata.functions.find((f) => f.id === id);
      expect(fn?.result).toEqual({ dimensionality: "matrix" }); // type any: an entity per cell
    }
  });

  it("declares custom enums as documented: unique ids, string values, each used and each id resolving", () => {
    // https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#edit-custom-enums-in-json-metadata
    const enums = metadata.enums ?? [];
    expect(enums.length).toBeGreaterThan(0);
    const ids = enums.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(metadata.functions.flatMap((f) => f.parameters.flatMap((p) => p.customEnumId ?? [])));
    expect([...used].sort()).toEqual([...ids].sort());
    for (const e of enums) {
      expect(`${e.id} ${e.type}`).toBe(`${e.id} string`);
      expect(e.id).toMatch(/^[A-Za-z][A-Za-z0-9_.]{0,127}$/);
      for (const v of e.values) expect(typeof v.stringValue === "string" && v.name.length > 0).toBe(true);
    }
  });
});
