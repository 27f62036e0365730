/**
 * The pane's recorder: every recalculation through the wrapped port is followed by a record;
 * a record made with other data is noticed at start-up, and the next recalculation reports.
 */
import { RECORD_SHEET } from "../../../src/travel/sheets";
import { RefreshRecorder, TravelLock, recordingRecalculations } from "../../../taskpane/refresh-recorder";
import { rarePreview } from "../scenario/support/rare-preview";

it("records after each recalculation and notices a record made with other data", async () => {
  const wb = rarePreview();
  await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [['=RARE.SHARE("Nd")']]);
  let version = "v1";
  const recorder = new RefreshRecorder(wb, () => ({ version, overrides: "" }), new TravelLock());
  const port = recordingRecalculations(wb, recorder);

  await port.recalculate(true);
  await recorder.lock.run(async () => undefined); // the record runs after the recalculation
  expect(await wb.hasSheet(RECORD_SHEET)).toBe(true);
  expect(recorder.report).toBeNull();

  version = "v2"; // a new add-in version opens the workbook
  await recorder.check();
  expect(recorder.staleRecord).toEqual({ version: "v1", overrides: "" });

  await port.recalculate(true);
  await recorder.lock.run(async () => undefined);
  expect(recorder.staleRecord).toBeNull();
  expect(recorder.report?.from).toEqual({ version: "v1", overrides: "" });
  expect(recorder.report?.changes).toEqual([]); // same figures under both versions
});
