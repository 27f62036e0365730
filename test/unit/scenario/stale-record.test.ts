/** A stored scenario record that no longer matches its sheet is reported ("stale"), not trusted. */
import { buildScenarioSheet } from "../../../src/scenario/scenario-layout";
import { existingScenarioSheet, writeScenarioSheet } from "../../../src/scenario/writer";
import { rarePreview } from "./support/rare-preview";
import { exportQuotasInput } from "./support/scenario-input";

describe("existingScenarioSheet", () => {
  it("is scenario for the sheet as written, stale once its table header is changed by hand, none when deleted", async () => {
    const wb = rarePreview();
    const plan = buildScenarioSheet(exportQuotasInput);
    await writeScenarioSheet(wb, plan, { mode: "create" });
    expect(await existingScenarioSheet(wb, plan.sheetName)).toBe("scenario");
    wb.editCell(plan.sheetName, plan.table.rect.row - 1, 0, "Something else");
    expect(await existingScenarioSheet(wb, plan.sheetName)).toBe("stale");
    await wb.deleteSheet(plan.sheetName);
    expect(await existingScenarioSheet(wb, plan.sheetName)).toBe("none");
  });
});
