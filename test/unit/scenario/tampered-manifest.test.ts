/**
 * Tampered scenario manifests: read field by field, a bad one is never trusted (no raw
 * "e.inputs.map is not a function"), the sheet is treated as not RARE's, and the reason
 * names the setting and the field.
 */
import { buildScenarioSheet } from "../../../src/scenario/scenario-layout";
import {
  manifestKey,
  manifestOf,
  readManifest,
  storedManifestProblem,
  structureOf,
} from "../../../src/scenario/manifest";
import { existingScenarioSheet, writeScenarioSheet } from "../../../src/scenario/writer";
import { rarePreview } from "./support/rare-preview";
import { exportQuotasInput } from "./support/scenario-input";

const plan = buildScenarioSheet(exportQuotasInput);
const good = manifestOf(plan);
const tamper = (edit: (m: Record<string, unknown> & { structure: Record<string, unknown> }) => void): string => {
  const copy = JSON.parse(JSON.stringify(good));
  edit(copy);
  return JSON.stringify(copy);
};

const TAMPERED: Array<[string, string, RegExp]> = [
  ["inputs as text", tamper((m) => (m.structure.inputs = "A1")), /structure\.inputs is not a list/],
  ["inputs of null", tamper((m) => (m.structure.inputs = [null])), /structure\.inputs\[0\] is not an object/],
  ["no structure", tamper((m) => delete (m as Record<string, unknown>).structure), /structure is not an object/],
  ["extent of the whole grid", tamper((m) => ((m.structure.extent as { rows: number }).rows = 1e9)), /extent\.rows/],
  ["a name as a number", tamper((m) => ((m.structure.namedRanges as Array<{ name: unknown }>)[0].name = 7)), /name/],
  ["chart of another type", tamper((m) => ((m.structure.chart as { type: string }).type = "pie")), /chart\.type/],
  ["sheet name missing", tamper((m) => delete m.sheetName), /sheetName is not text/],
  ["not JSON", "{", /not valid JSON/],
];

describe("tampered scenario manifests", () => {
  it("a sound manifest reads back as written", () => {
    expect(readManifest(JSON.stringify(good)).manifest).toEqual(good);
    expect(readManifest(JSON.stringify(good)).manifest?.structure).toEqual(structureOf(plan));
  });

  it.each(TAMPERED)("%s: not trusted, the reason names the field", async (_name, value, field) => {
    expect(readManifest(value)).toEqual({ manifest: null, problem: expect.stringMatching(field) });
    const wb = rarePreview();
    await writeScenarioSheet(wb, plan, { mode: "create" });
    await wb.setAddinData(manifestKey(plan.sheetName), value);
    await expect(existingScenarioSheet(wb, plan.sheetName)).resolves.toBe("other");
    await expect(storedManifestProblem(wb, plan.sheetName)).resolves.toMatch(
      new RegExp(`setting "rare\\.scenario\\.sheet:scenario export quotas"\\) is damaged`),
    );
    const error = await writeScenarioSheet(wb, plan, { mode: "update" }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/was not made by a RARE scenario/);
  });

  it("another format under the key is simply not a manifest", () => {
    expect(readManifest(JSON.stringify({ format: "something-else" }))).toEqual({ manifest: null, problem: null });
  });
});
