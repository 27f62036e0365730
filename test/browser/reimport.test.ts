/**
 * Issue 15 items 7, 8 and 10 through the built pane in preview mode: Re-import replaces a
 * table's rows in place and formulas that refer to the table see the new values; an override
 * made from a table already in the workbook follows an edit of that table after Refresh data;
 * the MCS2026 data release imports with its row count.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { importCsv } from "../support/import-view";
import { paneForEachTest } from "../support/pane-hooks";
import { repoRoot } from "../support/paths";

jest.setTimeout(120_000);

const { session, page } = paneForEachTest({ tab: "Import CSV" });

type Preview = {
  sheet(name: string): { value(r: number, c: number): unknown };
  writeFormulas(s: string, at: { row: number; col: number }, f: string[][]): Promise<void>;
  writeValues(s: string, at: { row: number; col: number }, v: unknown[][]): Promise<void>;
  addTable(s: string, rect: object, o: object): Promise<string>;
  editCell(s: string, r: number, c: number, text: string): unknown;
};

const cell = (sheet: string, row: number, col: number) =>
  page.evaluate(
    ([s, r, c]) =>
      (globalThis as unknown as { rarePreview: Preview }).rarePreview
        .sheet(s as string)
        .value(r as number, c as number),
    [sheet, row, col] as const,
  );

const share = () =>
  page.evaluate(
    () =>
      (
        globalThis as unknown as { RareRuntime: { associated: Record<string, (...a: unknown[]) => unknown[][]> } }
      ).RareRuntime.associated.SHARE([["Neodymium"]], null)[0][0],
  );

async function reimport(table: string, name: string, content: string) {
  await page.getByRole("button", { name: `Re-import ${table}` }).click();
  await page
    .locator("#reimport-file")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
  await page.locator("#reimport-changes").waitFor();
}

it("Re-import of a changed file replaces the table's rows; formulas on the table see the new values", async () => {
  await importCsv(page, "stock.csv", "Item,Value\nNd,10\nDy,20\n");
  await page.evaluate(async () => {
    const wb = (globalThis as unknown as { rarePreview: Preview }).rarePreview;
    await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [["=ROWS(Table1)", "=SUM(Table1[Value])"]]);
  });
  expect([await cell("Sheet1", 0, 0), await cell("Sheet1", 0, 1)]).toEqual([2, 30]);

  await reimport("Table1", "stock-next-month.csv", "Item,Value\nNd,15\nDy,25\nTb,35\n");
  await expect(page.locator("#reimport-changes").innerText()).resolves.toMatch(/1 row added \(2 → 3\)/);
  await page.getByRole("button", { name: "Replace rows" }).click();
  await page.locator("#import-messages .message.success", { hasText: "now holds the 3 rows" }).waitFor();
  expect([await cell("Sheet1", 0, 0), await cell("Sheet1", 0, 1)]).toEqual([3, 75]);
  expect([await cell("stock", 3, 0), await cell("stock", 3, 1)]).toEqual(["Tb", 35]);

  // A file whose columns no longer match the recipe cannot replace the rows.
  await reimport("Table1", "other.csv", "Item,Price,Value\nNd,1,2\n");
  await expect(page.locator("#reimport-changes").innerText()).resolves.toMatch(/3 columns; the recipe has 2/);
  expect(await page.locator("#reimport-replace").getAttribute("aria-disabled")).toBe("true");
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  expect([await cell("Sheet1", 0, 0), await cell("Sheet1", 0, 1)]).toEqual([3, 75]);
  expect(session.errors).toEqual([]);
});

it("an override made from an existing table follows an edit of that table after Refresh data, and can be removed", async () => {
  await page.evaluate(async () => {
    const wb = (globalThis as unknown as { rarePreview: Preview }).rarePreview;
    await wb.writeValues("Sheet1", { row: 2, col: 1 }, [
      ["Element", "Share"],
      ["Neodymium", 0.5],
    ]);
    await wb.addTable("Sheet1", { row: 2, col: 1, rows: 2, cols: 2 }, { hasHeaders: true, name: "MyShares" });
  });
  await page.getByRole("button", { name: "Look for tables" }).click();
  await page.getByRole("button", { name: "Use MyShares for RARE functions" }).click();
  await page.locator("#tables-use-result .message.success", { hasText: "now use 1 imported row" }).waitFor();
  expect(await share()).toBe(0.5);
  await expect(page.locator("#overrides-list").innerText()).resolves.toMatch(/\(table MyShares\)/);

  // The user edits the table; Refresh data reads it again with the same checks.
  await page.evaluate(() =>
    (globalThis as unknown as { rarePreview: Preview }).rarePreview.editCell("Sheet1", 3, 2, "0.6"),
  );
  await page.getByRole("button", { name: "Refresh data" }).click();
  await page.locator("#overrides-refresh-result .message.success", { hasText: "Table MyShares" }).waitFor();
  expect(await share()).toBe(0.6);

  // A bad edit is reported with the same message as an import, and rows that fit still count.
  await page.evaluate(() =>
    (globalThis as unknown as { rarePreview: Preview }).rarePreview.editCell("Sheet1", 3, 2, "1.5"),
  );
  await page.getByRole("button", { name: "Refresh data" }).click();
  await page.locator("#overrides-refresh-result .message.error", { hasText: "No row of table" }).waitFor();
  await expect(page.locator("#overrides-refresh-result").innerText()).resolves.toMatch(/Row 4:/);
  expect(await share()).toBe(0.6);

  await page.getByRole("button", { name: "Remove China's share by element" }).click();
  await page.locator("#import-messages .message.success", { hasText: "Removed the override" }).waitFor();
  expect(await share()).toBe(0.8);
  expect(session.errors).toEqual([]);
});

it("imports the MCS2026 data release (Windows-1252) with its 8,886 rows and offers to re-import it", async () => {
  const bytes = readFileSync(join(repoRoot, "seeds/usgs/mcs2026/usgs_mcs2026_commodities_data.csv"));
  await importCsv(page, "usgs_mcs2026_commodities_data.csv", bytes);
  await expect(page.locator("#import-messages .message.success").innerText()).resolves.toMatch(/Imported 8,886 rows/);
  expect(await cell("usgs_mcs2026_commodities_data", 1, 1)).toBe("Salient Statistics\u2014United States");
  await page.getByRole("button", { name: "Re-import Table1" }).waitFor();
  expect(session.errors).toEqual([]);
});
