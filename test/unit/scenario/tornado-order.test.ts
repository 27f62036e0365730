/**
 * The comparison sheet's tornado rows are written widest swing first, measured as the sheet's
 * live formulas measure it: the exposures already typed in the sheet are read back (by element)
 * so a second Compare sorts by total cost, not by mean price change.
 */
import { bundled } from "../../../src/data/bundled";
import { tornadoRows } from "../../../src/model/tornado";
import { defaultBounds } from "../../../src/model/tornado";
import { buildComparisonSheet } from "../../../src/scenario/compare-layout";
import { writeComparisonSheet } from "../../../src/scenario/compare-writer";
import { tornadoOrder, typedExposures } from "../../../src/scenario/tornado-order";
import { checkScenarios, presetScenarios } from "../../../taskpane/views/scenario-list";
import { rarePreview } from "./support/rare-preview";

const checked = checkScenarios(presetScenarios(), ["Neodymium", "Dysprosium", "Lanthanum"], []);
if (!checked.ok) throw new Error("the presets should pass the pane's checks");
const input = checked.input;

describe("tornadoOrder", () => {
  it("without exposures, is the model's order of mean price change swings", () => {
    const s = input.scenarios[0];
    const elements = input.elements.map((e) => ({
      share: bundled.share(e, null),
      price: bundled.price(e, null) as number,
      exposure: null,
    }));
    const bounds = new Map([
      ["cut", defaultBounds("cut", s.cut)],
      ["elasticity", defaultBounds("elasticity", s.elasticity)],
      ...s.offsets.map((o, j) => [`offset:${j}`, defaultBounds("offset", o)] as const),
    ]);
    expect(tornadoOrder(input, bundled)).toEqual(
      tornadoRows(elements, { ...s, model: "constant" }, bounds).map((r) => r.key),
    );
  });

  it("reads the exposures typed in the sheet and writes rows whose live swings fall", async () => {
    const wb = rarePreview();
    const first = buildComparisonSheet({ ...input, tornadoOrder: tornadoOrder(input, bundled) });
    await writeComparisonSheet(wb, first, { mode: "create" });
    const row = first.anchors.firstElementRow - 1; // zero-based
    wb.editCell(input.sheetName, row, 1, "100"); // Neodymium
    wb.editCell(input.sheetName, row + 2, 1, "2500"); // Lanthanum
    const used = (await wb.usedRect(input.sheetName))!;
    const exposures = typedExposures((await wb.readRange(input.sheetName, used)).values);
    expect([...exposures]).toEqual([
      ["neodymium", 100],
      ["lanthanum", 2500],
    ]);

    const order = tornadoOrder(input, bundled, exposures);
    const second = buildComparisonSheet({ ...input, tornadoOrder: order });
    const outcome = await writeComparisonSheet(wb, second, { mode: "update" });
    expect(outcome.kept.map((k) => [k.element, k.value])).toEqual([
      ["Neodymium", 100],
      ["Lanthanum", 2500],
    ]);
    const t = second.anchors.tornado;
    const swings = (await wb.readRange(input.sheetName, { row: t.row, col: 3, rows: t.rows - 1, cols: 1 })).values.map(
      (r) => r[0] as number,
    );
    expect(swings.every((v) => typeof v === "number" && v > 1000)).toBe(true); // USD: total cost, not a fraction
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });
});
