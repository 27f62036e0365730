/**
 * Stored state that cannot lock the user out: every malformed overrides value leaves a
 * working controller (bundled data in force, a notice naming what was left out, Clear
 * working); oversized overrides are refused before saving; co-authors' changes apply;
 * start-up recalculates only when the data in force changed.
 */
import { bundled } from "../../../src/data/bundled";
import { detectOverrides } from "../../../src/overrides/detect-overrides";
import { CALCULATED_WITH_KEY } from "../../../src/overrides/fingerprint";
import { OVERRIDES_BUDGET_BYTES, OVERRIDES_KEY } from "../../../src/overrides/store";
import { installRuntime } from "../../../functions/runtime-bridge";
import { OverridesController, OverridesRefused } from "../../../taskpane/overrides-controller";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { articleElement } from "../../support/seed-facts";

const NEODYMIUM = articleElement("Neodymium").share; // the bundled figure, from the seed file

const stored = (layers: unknown) => JSON.stringify({ format: "rare-overrides", version: 1, layers });
const sharesLayer = (shares: unknown) => ({
  kind: "shares",
  source: "workbook import: s.csv",
  overrides: { source: "workbook import: s.csv", shares },
});

/** The malformed values of issue 9 and the others the stored shape allows. */
const MALFORMED: Array<[string, string, RegExp]> = [
  ["layers:[null]", stored([null]), /layers\[0\] is null/],
  ['shares:"abc"', stored([sharesLayer("abc")]), /shares is text, not a list/],
  ['element {"toString":1}', stored([sharesLayer([{ element: { toString: 1 }, share: 0.5 }])]), /element is an object/],
  ["layers not a list", JSON.stringify({ format: "rare-overrides", version: 1, layers: {} }), /layers is an object/],
  ["unknown kind", stored([{ ...sharesLayer([]), kind: "bananas" }]), /kind is "bananas"/],
  ["overrides null", stored([{ kind: "shares", source: "x", overrides: null }]), /overrides is null/],
  ["share as text", stored([sharesLayer([{ element: "Neodymium", share: "0.5" }])]), /share is text, not a number/],
  ["row not a row number", stored([sharesLayer([{ element: "Neodymium", share: 0.5, row: -3 }])]), /row is/],
  ["top-level null", "null", /null, not an object/],
  ["not JSON", "{not json", /not valid JSON/],
  ["another version", JSON.stringify({ format: "rare-overrides", version: 2, layers: [] }), /format version 1/],
];

describe("malformed stored overrides", () => {
  it.each(MALFORMED)("%s: bundled data, a notice naming it, Clear works", async (_name, value, named) => {
    const workbook = new PreviewWorkbook();
    await workbook.setAddinData(OVERRIDES_KEY, value);
    const runtime = installRuntime(bundled, () => undefined);
    const controller = new OverridesController(workbook, runtime);
    const state = await controller.load();
    expect(state.notices.join(" ")).toMatch(named);
    expect(runtime.queries().share("Neodymium", null)).toBe(NEODYMIUM);
    await controller.clear();
    expect(controller.current.notices).toEqual([]);
    expect(
      await new OverridesController(
        workbook,
        installRuntime(bundled, () => undefined),
      ).load(),
    ).toMatchObject({
      notices: [],
    });
  });

  it("keeps the sound rows of a layer and names the rows it left out", async () => {
    const workbook = new PreviewWorkbook();
    await workbook.setAddinData(
      OVERRIDES_KEY,
      stored([
        sharesLayer([
          { element: "Neodymium", share: 0.5 },
          { element: ["x"], share: 0.1 },
        ]),
      ]),
    );
    const runtime = installRuntime(bundled, () => undefined);
    const state = await new OverridesController(workbook, runtime).load();
    expect(runtime.queries().share("Neodymium", null)).toBe(0.5);
    expect(state.notices.join(" ")).toMatch(
      /1 of 2 stored rows left out \(layers\[0\]\.overrides\.shares\[1\]\.element/,
    );
  });
});

describe("settings budget", () => {
  it("refuses overrides larger than the budget before saving, giving size and limit", async () => {
    const workbook = new PreviewWorkbook();
    const controller = new OverridesController(
      workbook,
      installRuntime(bundled, () => undefined),
    );
    const rows = Array.from({ length: 40_000 }, (_, i) => [i ? `Neodymium ${"x".repeat(40)}${i}` : "Neodymium", 0.5]);
    const detected = detectOverrides(["Element", "Share"], rows, "workbook import: huge.csv")!;
    const error = await controller.use(detected).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OverridesRefused);
    expect((error as Error).message).toMatch(
      new RegExp(`\\d+\\.\\d\\d MB .* limit of ${(OVERRIDES_BUDGET_BYTES / 1048576).toFixed(2)} MB`),
    );
    expect(await workbook.getAddinData(OVERRIDES_KEY)).toBeNull();
  });
});

describe("co-authoring and recalculation", () => {
  it("a co-author's change applies in this runtime and recalculates", async () => {
    const workbook = new PreviewWorkbook();
    const runtime = installRuntime(bundled, () => undefined);
    const controller = new OverridesController(workbook, runtime);
    await controller.load();
    await controller.follow();
    const recalcs = jest.spyOn(workbook, "recalculate");
    workbook.coauthorSetsAddinData(OVERRIDES_KEY, stored([sharesLayer([{ element: "Neodymium", share: 0.42 }])]));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(runtime.queries().share("Neodymium", null)).toBe(0.42);
    expect(recalcs).toHaveBeenCalledWith(true);
  });

  it("start-up recalculates only when the data in force differs from the recorded data", async () => {
    const workbook = new PreviewWorkbook();
    await new OverridesController(
      workbook,
      installRuntime(bundled, () => undefined),
    ).use(detectOverrides(["Element", "Share"], [["Neodymium", 0.5]], "workbook import: s.csv")!);
    const recalcs = jest.spyOn(workbook, "recalculate");
    await new OverridesController(
      workbook,
      installRuntime(bundled, () => undefined),
    ).load();
    expect(recalcs).not.toHaveBeenCalled(); // same data as last calculated: no dirty workbook

    await workbook.setAddinData(CALCULATED_WITH_KEY, "rare-data:" + "0".repeat(64)); // calculated with other data
    await new OverridesController(
      workbook,
      installRuntime(bundled, () => undefined),
    ).load();
    expect(recalcs).toHaveBeenCalledTimes(1);

    const fresh = new PreviewWorkbook();
    const freshRecalcs = jest.spyOn(fresh, "recalculate");
    await new OverridesController(
      fresh,
      installRuntime(bundled, () => undefined),
    ).load();
    expect(freshRecalcs).not.toHaveBeenCalled(); // never had overrides
  });
});
