/**
 * The Workbook view in the preview: Prepare a copy to share on a scenario sheet (the gap no
 * longer follows the cut), Restore RARE formulas (it follows again; a cell edited in between
 * is reported and kept), Audit RARE figures (a table with a row per RARE formula cell, each
 * with a citation), and What changed after an override changes the data in force.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { paneForEachTest } from "../support/pane-hooks";
import { sheetTexts } from "../support/pane-page";
import { distDir, seedsDir } from "../support/paths";

jest.setTimeout(120_000);

const SHEET = "Scenario Export Quotas";
const CUT_INPUT = `#preview input[aria-label="Export cut (share of China's supply withheld)"]`;

const { session, page } = paneForEachTest();
afterEach(() => expect(session.errors).toEqual([]));

interface FormulaCell {
  address: string;
  formula: string;
  value: unknown;
}

/** The preview's formula cells on a sheet, read through the Workbook port the pane uses. */
function formulaCells(sheet: string): Promise<FormulaCell[]> {
  return page.evaluate(async (name) => {
    type Port = {
      usedRect(s: string): Promise<{ row: number; col: number; rows: number; cols: number } | null>;
      readFormulas(s: string, r: unknown): Promise<{ values: unknown[][]; formulas: unknown[][] }>;
    };
    const wb = (globalThis as unknown as { rarePreview: Port }).rarePreview;
    const used = await wb.usedRect(name);
    if (!used) return [];
    const { values, formulas } = await wb.readFormulas(name, used);
    const out: { address: string; formula: string; value: unknown }[] = [];
    const col = (c: number) => {
      let s = "";
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f === "string" && f.startsWith("=") && f !== values[r][c])
          out.push({ address: `${col(used.col + c)}${used.row + r + 1}`, formula: f, value: values[r][c] });
      }),
    );
    return out;
  }, sheet);
}

const rareCells = async (sheet: string) => (await formulaCells(sheet)).filter((c) => /RARE\./i.test(c.formula));

/** The supply gap per element, as the rendered scenario table shows it. */
async function gaps(): Promise<Record<string, string>> {
  const rows = await sheetTexts(page, SHEET);
  const header = rows.findIndex((r) => r[0] === "Element" && r.includes("Supply gap"));
  const gapCol = rows[header].indexOf("Supply gap");
  const out: Record<string, string> = {};
  for (let r = header + 1; rows[r]?.[0]; r++) out[rows[r][0]] = rows[r][gapCol];
  return out;
}

/** How the pane's change list shows a value: text in quotes, anything else as it reads. */
const shown = (v: unknown) => (typeof v === "string" && !v.startsWith("#") ? `"${v}"` : String(v));

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}

async function setCut(text: string) {
  const cut = page.locator(CUT_INPUT);
  await cut.fill(text);
  await cut.press("Tab"); // commits the edit (change event)
}

async function createScenario() {
  await page.getByRole("tab", { name: "Scenarios" }).click();
  await page.getByRole("button", { name: "Create scenario sheet" }).click();
  await page.locator("#scenario-messages .message.success").waitFor();
}

const workbookMessages = () => page.locator("#travel-messages");

async function runAction(name: string, done: RegExp) {
  await page.getByRole("tab", { name: "Workbook" }).click();
  await page.getByRole("button", { name }).click();
  await workbookMessages().locator(".message", { hasText: done }).waitFor({ timeout: 60_000 });
}

it("prepares a copy to share, then restores the formulas and keeps a cell edited in between", async () => {
  await createScenario();
  const live = await rareCells(SHEET);
  expect(live.length).toBeGreaterThan(0);
  const before = await gaps();

  await runAction("Prepare a copy to share", /^Froze \d+ RARE formula cells/);
  await expect(workbookMessages().innerText()).resolves.toContain(`Froze ${live.length} RARE formula cells`);
  expect(await rareCells(SHEET)).toEqual([]);
  await expect(page.locator("#travel-share-state").innerText()).resolves.toMatch(/prepared to share/);

  await setCut("60%");
  await page.waitForTimeout(300);
  expect(await gaps()).toEqual(before); // frozen: the gap no longer follows the cut

  // The user edits one frozen cell (the first China share) before restoring.
  const edited = live.find((c) => /RARE\.SHARE/i.test(c.formula))!;
  await page.evaluate(
    ({ sheet, address }) => {
      const col = address.replace(/\d+/, "").charCodeAt(0) - 65;
      const row = Number(address.replace(/^[A-Z]+/, "")) - 1;
      (
        globalThis as unknown as { rarePreview: { editCell(s: string, r: number, c: number, t: string): void } }
      ).rarePreview.editCell(sheet, row, col, "0.42");
    },
    { sheet: SHEET, address: edited.address },
  );

  await runAction("Restore RARE formulas", /^Restored \d+ RARE formulas/);
  const text = await workbookMessages().innerText();
  expect(text).toContain(`Restored ${live.length - 1} RARE formulas. 1 cell was edited since and kept as they are.`);
  expect(text).toContain(`Edited since, kept: ${SHEET}!${edited.address}: now 0.42`);
  const restored = await rareCells(SHEET);
  expect(restored.map((c) => c.address)).toEqual(live.filter((c) => c !== edited).map((c) => c.address));
  expect((await formulaCells(SHEET)).find((c) => c.address === edited.address)).toBeUndefined();

  // Live again: the restored gaps follow the cut (60 % now, twice the gap at 30 %).
  await until(async () => (await gaps()).Dysprosium !== before.Dysprosium, "the gap to follow the cut");
  await setCut("30%");
  await until(async () => (await gaps()).Dysprosium === before.Dysprosium, "the gap to come back");
});

it("audits every RARE formula cell into a RARE audit table with a citation on each row", async () => {
  await createScenario();
  const live = await rareCells(SHEET);
  await runAction("Audit RARE figures", /^Wrote "RARE audit"/);
  const tables = await page.evaluate(
    () =>
      (globalThis as unknown as { rarePreview: { tablesOn(s: string): { name: string }[] } }).rarePreview.tablesOn(
        "RARE audit",
      ).length,
  );
  expect(tables).toBe(1);
  const rows = await sheetTexts(page, "RARE audit");
  const header = rows.findIndex((r) => r.includes("Citation"));
  const at = (name: string) => rows[header].indexOf(name);
  const body = rows.slice(header + 1).filter((r) => r[at("Sheet")]);
  expect(body.map((r) => `${r[at("Sheet")]}!${r[at("Address")]}`)).toEqual(live.map((c) => `${SHEET}!${c.address}`));
  expect(body.map((r) => r[at("Formula")])).toEqual(live.map((c) => c.formula));
  for (const r of body) expect(r[at("Citation")].trim()).not.toBe("");
  const share = body.find((r) => /^=RARE\.SHARE\(/i.test(r[at("Formula")]))!;
  expect(share[at("Citation")]).toMatch(/\[A\d+\]/);
  expect(share[at("Cite with")]).toMatch(/^RARE\.SOURCE\("share","(Neodymium|Dysprosium|Lanthanum)"\)$/);
});

it("lists exactly the cells an override changed, with old and new values", async () => {
  await createScenario();
  await page.getByRole("button", { name: "Refresh data" }).click();
  await until(
    () =>
      page.evaluate(() =>
        (globalThis as unknown as { rarePreview: { hasSheet(s: string): Promise<boolean> } }).rarePreview.hasSheet(
          "RARE_refresh_record",
        ),
      ),
    "the first record",
  );
  const before = await rareCells(SHEET);

  await page.getByRole("tab", { name: "Import CSV" }).click();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "shares.csv", mimeType: "text/csv", buffer: Buffer.from("Element,Share\nNeodymium,50%\n") });
  await page.waitForSelector("#import-preview");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.locator("#import-messages .message.success").waitFor();
  await page.getByRole("button", { name: "Use for RARE functions in this workbook" }).click();
  await page.locator("#overrides-result .message.success").waitFor();

  await page.getByRole("tab", { name: "Workbook" }).click();
  await page.getByRole("button", { name: "What changed" }).click();
  const after = await rareCells(SHEET);
  const expected = after
    .map((c) => ({ c, old: before.find((b) => b.address === c.address)!.value }))
    .filter(({ c, old }) => old !== c.value)
    .map(({ c, old }) => [`${SHEET}!${c.address}`, shown(old), shown(c.value), "workbook override"]);
  expect(expected.length).toBeGreaterThan(0);
  const listed = await page
    .locator("#travel-changes-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")));
  expect(listed).toEqual(expected);

  await page.getByRole("button", { name: "Write the list to a sheet" }).click();
  await workbookMessages()
    .locator(".message.success", { hasText: `${expected.length} changed cells` })
    .waitFor();
  const sheet = await sheetTexts(page, "RARE what changed");
  expect(sheet.filter((r) => r.includes(SHEET)).length).toBe(expected.length);
});

it("gives a cell that moved between the releases DATA-CHANGES compares the log's reason", async () => {
  const log = JSON.parse(readFileSync(join(distDir, "changes.json"), "utf8")) as {
    from: string;
    to: string;
    reasons: Record<string, string>;
  };
  const previous = JSON.parse(readFileSync(join(seedsDir, "releases", `${log.from}.json`), "utf8")) as {
    figures: Record<string, { value: number }>;
  };
  const key = "production Australia 2024";
  type Port = {
    writeValues(s: string, at: { row: number; col: number }, v: unknown[][]): Promise<void>;
    writeFormulas(s: string, at: { row: number; col: number }, f: string[][]): Promise<void>;
    hasSheet(s: string): Promise<boolean>;
  };
  await page.evaluate(async () => {
    const wb = (globalThis as unknown as { rarePreview: Port }).rarePreview;
    await wb.writeValues("Sheet1", { row: 0, col: 0 }, [["Australia", 2024]]);
    await wb.writeFormulas("Sheet1", { row: 1, col: 0 }, [["=RARE.PRODUCTION(A1,B1)"]]);
  });
  const [now] = await rareCells("Sheet1");
  await page.getByRole("tab", { name: "Scenarios" }).click(); // where Refresh data is
  await page.getByRole("button", { name: "Refresh data" }).click();
  const recorded = () =>
    page.evaluate(() => (globalThis as unknown as { rarePreview: Port }).rarePreview.hasSheet("RARE_refresh_record"));
  await until(recorded, "the first record");

  // As if the record had been made with the previous release: its version, and the figure it served then.
  const was = previous.figures[key].value;
  expect(was).not.toBe(now.value);
  await page.evaluate(
    async ({ from, value }) => {
      const wb = (globalThis as unknown as { rarePreview: Port }).rarePreview;
      await wb.writeValues("RARE_refresh_record", { row: 1, col: 1 }, [[from]]);
      await wb.writeValues("RARE_refresh_record", { row: 2, col: 2 }, [[`n:${value}`]]);
    },
    { from: log.from, value: was },
  );
  await page.getByRole("button", { name: "Refresh data" }).click();
  await page.getByRole("tab", { name: "Workbook" }).click();
  await page.getByRole("button", { name: "What changed" }).click();
  const listed = await page
    .locator("#travel-changes-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")));
  expect(listed).toEqual([["Sheet1!A2", String(was), String(now.value), `${key}: ${log.reasons[key]}`]]);
  expect(log.reasons[key]).toMatch(/MCS2026 revised 2024/);
});
