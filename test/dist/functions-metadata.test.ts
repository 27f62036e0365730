/**
 * Golden test of the generated functions.json (as Office-Addin-Scripts does): a change to
 * any function's id, parameters or help text shows in review as a diff of
 * test/golden/functions.json. Regenerate with `UPDATE_GOLDEN=1 npx jest test/dist/functions-metadata`.
 * test/golden/functions-version.json pairs the metadata with the manifest <Version> it shipped
 * under: Excel caches functions.json for up to 24 hours, so changed metadata needs a newer
 * Version (the rule manifest.xml's own comment states).
 */
import { createHash } from "crypto";
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
const versionFile = join(repoRoot, "test", "golden", "functions-version.json");

/** The metadata's fingerprint, independent of key order and whitespace. */
function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash("sha256").update(JSON.stringify(canonical(value))).digest("hex");
}
const versionParts = (v: string) => v.split(".").map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

describe("dist/functions.json", () => {
  it("matches the golden file", () => {
    if (process.env.UPDATE_GOLDEN || !existsSync(goldenFile)) writeFileSync(goldenFile, JSON.stringify(metadata, null, 2) + "\n");
    expect(metadata).toEqual(JSON.parse(readFileSync(goldenFile, "utf8")));
  });

  it("ships under a newer manifest <Version> whenever it changed", () => {
    const manifestVersion = /<Version>([^<]+)<\/Version>/.exec(readFileSync(join(repoRoot, "manifest.xml"), "utf8"))![1];
    const now = { version: manifestVersion, sha256: fingerprint(metadata) };
    const recorded = JSON.parse(readFileSync(versionFile, "utf8")) as typeof now;
    if (recorded.sha256 === now.sha256) {
      expect(newer(recorded.version, manifestVersion)).toBe(false);
      return;
    }
    expect(
      newer(manifestVersion, recorded.version)
        ? "bumped"
        : `functions.json changed but manifest.xml <Version> is still ${manifestVersion}: bump it, then run UPDATE_GOLDEN=1`,
    ).toBe("bumped");
    if (process.env.UPDATE_GOLDEN) writeFileSync(versionFile, JSON.stringify(now, null, 2) + "\n");
    else expect("record").toBe(`run UPDATE_GOLDEN=1 to record ${manifestVersion} with the new metadata`);
  });

  it("the edition arguments came with Version 1.0.2.0, newer than 1.0.1.0 before them", () => {
    const pinnable = metadata.functions.filter((f) => f.parameters.some((p) => p.name === "edition")).map((f) => f.id);
    expect(pinnable.sort()).toEqual(["COUNTRYSHARE", "HHI", "PRICE", "PRODUCTION", "RESERVES", "USSTAT"]);
    const manifestVersion = /<Version>([^<]+)<\/Version>/.exec(readFileSync(join(repoRoot, "manifest.xml"), "utf8"))![1];
    expect(newer(manifestVersion, "1.0.1.0")).toBe(true);
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
