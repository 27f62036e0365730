/**
 * Co-authors' changes to the add-in's settings reach this runtime (issue 9, stored state):
 * the Excel host listens on workbook.settings.onSettingsChanged (ExcelApi 1.4, "Occurs when
 * the settings in the document are changed"; Excel.SettingCollection in the Office.js
 * reference), and the pane's listener runs when Excel raises it.
 */
import { createExcelWorkbook } from "../../../../taskpane/hosts/excel";
import { fakeExcel } from "../../../support/fake-excel";

const all = () => true;

describe("co-authors' settings changes (Excel)", () => {
  it("the listener is registered on workbook.settings.onSettingsChanged and runs when it fires", async () => {
    const { excel, state } = fakeExcel();
    const wb = createExcelWorkbook({ excel, isSetSupported: all });
    const listener = jest.fn();
    await wb.onAddinDataChanged(listener);
    expect(state.settingsHandlers).toHaveLength(1);
    state.settings.set("rare.overrides", "{}"); // a co-author saved; Excel raises the event here
    await state.settingsHandlers[0]({ type: "SettingsChanged" });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
