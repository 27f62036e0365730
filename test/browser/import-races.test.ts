/**
 * Issue 15 item 6 in the pane: Import waits for the analysis of the file just picked (the
 * file shown is the file written), and nothing can change the reading while a file is written.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { importButton, pickCsv } from "../support/import-view";
import { paneForEachTest } from "../support/pane-hooks";
import { sheetCaptions } from "../support/pane-page";
import { repoRoot } from "../support/paths";
import { addSyncLatency } from "../support/sync-latency";

jest.setTimeout(120_000);

const { session, page } = paneForEachTest({ tab: "Import CSV" });

const pick = (name: string, content: string | Buffer) => pickCsv(page, name, content);

it("Import is disabled from the moment another file is picked until its analysis is back; that file is written", async () => {
  await pick("first.csv", "x,y\n1,2\n");
  await page.locator("#import-messages", { hasText: "first.csv: 1 row, 2 columns." }).waitFor();
  expect(await importButton(page).getAttribute("aria-disabled")).toBeNull();

  const mcs = readFileSync(join(repoRoot, "seeds/usgs/mcs2026/usgs_mcs2026_commodities_data.csv"));
  await pick("mcs.csv", mcs);
  // The change event has run: the previous file's reading no longer enables Import.
  expect(await importButton(page).getAttribute("aria-disabled")).toBe("true");
  await page.locator("#import-messages", { hasText: "mcs.csv: 8,886 rows" }).waitFor({ timeout: 60_000 });
  expect(await importButton(page).getAttribute("aria-disabled")).toBeNull();
  await importButton(page).click();
  await page.locator("#import-messages .message.success").waitFor({ timeout: 60_000 });
  expect(await sheetCaptions(page)).toContain("mcs");
  expect(await sheetCaptions(page)).not.toContain("first");
  expect(session.errors).toEqual([]);
});

it("while a file is written its options and types are inert, and a change arriving anyway alters nothing", async () => {
  const lines = ["id,value"];
  for (let i = 0; i < 5000; i++) lines.push(`${i},${i * 2}`);
  await pick("slow.csv", lines.join("\n"));
  await page.waitForSelector("#import-preview");
  // Excel-like latency per sync, so the write is observable.
  await addSyncLatency(page, 700);
  await importButton(page).click();
  await page.locator("#import-progress-text", { hasText: /Writing|Reading/ }).waitFor();
  expect(await page.locator("#import-options").getAttribute("inert")).not.toBeNull();
  expect(await page.locator("#import-preview-area").getAttribute("inert")).not.toBeNull();
  // A change event that reaches a type menu anyway (inert stops the user, not a script).
  await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('#import-preview select[data-column="1"]')!;
    select.value = "text";
    select.dispatchEvent(new Event("change"));
  });
  expect(await page.getByRole("button", { name: "Cancel" }).isVisible()).toBe(true);
  expect(await importButton(page).getAttribute("aria-disabled")).toBe("true");
  await page.locator("#import-messages .message.success").waitFor({ timeout: 60_000 });
  // Written as read when Import was pressed: numbers, not text.
  const value = await page.evaluate(() =>
    (
      globalThis as unknown as { rarePreview: { sheet(n: string): { value(r: number, c: number): unknown } } }
    ).rarePreview
      .sheet("slow")
      .value(2, 1),
  );
  expect(value).toBe(2);
  expect(await page.locator("#import-options").getAttribute("inert")).toBeNull();
  expect(session.errors).toEqual([]);
});

it("a dropped file is named by the file input and is the one previewed (issue 15 item 9)", async () => {
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["x,y\n1,2\n"], "dropped.csv", { type: "text/csv" }));
    document
      .getElementById("csv-drop")!
      .dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.locator("#import-messages", { hasText: "dropped.csv: 1 row, 2 columns." }).waitFor();
  expect(await page.evaluate(() => (document.getElementById("csv-file") as HTMLInputElement).files?.[0]?.name)).toBe(
    "dropped.csv",
  );
  expect(session.errors).toEqual([]);
});
