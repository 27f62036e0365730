/** The pane's Import CSV view, driven as a user drives it: pick a file, press Import, use it. */
import type { Locator, Page } from "playwright-core";

/** Picks a CSV file in the Import view's file input, as a user choosing it would. */
export async function pickCsv(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.getByLabel("CSV file").setInputFiles(
    {
      name,
      mimeType: "text/csv",
      buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"),
    },
    // Handing a 15 MB file to the page takes longer than the 30 s default on a loaded 2-core machine.
    { timeout: 120_000 },
  );
}

export const importButton = (page: Page): Locator => page.getByRole("button", { name: "Import", exact: true });

/** Picks the file, waits for its preview, presses Import and waits until the import reports success. */
export async function importCsv(page: Page, name: string, content: string | Buffer): Promise<void> {
  await pickCsv(page, name, content);
  await page.waitForSelector("#import-preview");
  await importButton(page).click();
  await page.locator("#import-messages .message.success").waitFor();
}

/** Makes the imported share table the data the RARE functions answer from in this workbook. */
export async function useImportForRareFunctions(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Use for RARE functions in this workbook" }).click();
  await page.locator("#overrides-result .message.success").waitFor();
}
