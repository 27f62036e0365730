/**
 * The Scenarios view, built, in headless chromium, in preview mode: validation in the pane,
 * creating a scenario sheet rendered below the pane with computed values, editing the cut
 * assumption in the rendered sheet and seeing the supply gap and the sensitivity grid
 * recompute, updating in place with an exposure kept, Refresh data. Saves the screenshot
 * the README shows.
 */
import { copyFileSync, existsSync, mkdirSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { sheetTexts } from "../support/pane-page";
import { artifactsDir, repoRoot } from "../support/paths";
import { serveDist, type StaticServer } from "../support/static-server";

jest.setTimeout(90_000);

const SHEET = "Scenario Export Quotas";
const CUT_INPUT = `#preview input[aria-label="Export cut (share of China's supply withheld)"]`;
// office.js says this once outside Office; it is how the pane knows it runs in preview.
const EXPECTED_CONSOLE = /Office\.js is loaded outside of Office client/;
// About 3 s after loading, office.js tries to frame its telemetry page (with an inline
// style); the pane's Content-Security-Policy blocks both, as it should. Only those
// refusals, and only when office.js itself reports them, are expected.
const officeJsBlockedByCsp = (text: string, url: string) =>
  /Content Security Policy/.test(text) && url.startsWith(`${server.url}/office-js/`);

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  errors = [];
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !EXPECTED_CONSOLE.test(m.text()) && !officeJsBlockedByCsp(m.text(), m.location().url))
      errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  await page.getByRole("tab", { name: "Scenarios" }).click();
});

afterEach(async () => {
  await page.close();
  expect(errors).toEqual([]);
});

const messages = () => page.locator("#scenario-messages");

/** The rendered sheet's cell texts (an input shows its value), row by row. */
const sheetRows = (sheet: string): Promise<string[][]> => sheetTexts(page, sheet);

/** Supply gap per element from the scenario table, and the sensitivity grid's rows under its header. */
async function scenarioFigures() {
  const rows = await sheetRows(SHEET);
  const header = rows.findIndex((r) => r[0] === "Element" && r.includes("Supply gap"));
  const gapCol = rows[header].indexOf("Supply gap");
  const gaps: Record<string, string> = {};
  for (let r = header + 1; rows[r]?.[0]; r++) gaps[rows[r][0]] = rows[r][gapCol];
  const gridHeader = rows.findIndex((r) => r[0] === "Export cut");
  return {
    gaps,
    gridHeader: rows[gridHeader],
    currentCut: rows[gridHeader + 1],
    firstFixed: rows[gridHeader + 2],
    rows,
  };
}

/** Waits for the preview to catch up with an edit (it recalculates on the change event). */
async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("timed out waiting for the preview to recalculate");
    await page.waitForTimeout(50);
  }
}

async function createDefaultScenario() {
  await page.getByRole("button", { name: "Create scenario sheet" }).click();
  await messages().locator(".message.success").waitFor();
  await page.locator("#preview table > caption", { hasText: SHEET }).waitFor();
}

it("refuses bad values in the pane, naming the field, and writes nothing", async () => {
  await page.getByLabel("Export cut: share of China's supply withheld (%)").fill("150");
  await page.getByLabel("Price elasticity of demand (magnitude, greater than 0)").fill("0");
  await page.getByLabel("Sheet name").fill("Q1/Q2");
  await page.getByRole("button", { name: "Create scenario sheet" }).click();
  const alert = messages().getByRole("alert");
  await expect(alert.innerText()).resolves.toMatch(
    /Export cut 150% is outside 0% to 100%\.[\s\S]*Elasticity 0 would turn[\s\S]*contains one of/,
  );
  await expect(page.locator("#scenario-cut").getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(page.locator("#scenario-sheet").getAttribute("aria-invalid")).resolves.toBe("true");
  const ticked = page.locator("#scenario-elements input[type=checkbox]:checked");
  while ((await ticked.count()) > 0) await ticked.first().uncheck();
  await page.getByLabel("Export cut: share of China's supply withheld (%)").fill("30");
  await page.getByRole("button", { name: "Create scenario sheet" }).click();
  await expect(alert.innerText()).resolves.toMatch(/Choose at least one element/);
  await expect(page.locator("#scenario-cut").getAttribute("aria-invalid")).resolves.toBeNull();
  expect(await page.locator("#preview table > caption").allInnerTexts()).toEqual(["Sheet1"]);

  await page.getByLabel("Sheet name").fill("sheet1");
  await page
    .locator("#scenario-sheet-status", { hasText: 'A sheet named "Sheet1" exists and was not made by a RARE scenario' })
    .waitFor();
  await expect(
    page.getByRole("button", { name: "Create scenario sheet" }).getAttribute("disabled"),
  ).resolves.not.toBeNull();
  await expect(page.getByRole("button", { name: "Update scenario sheet" }).isVisible()).resolves.toBe(false);
});

it("creates a live scenario sheet; editing its cut recomputes the gap and the grid", async () => {
  await expect(page.locator("#scenario-assumptions-note").innerText()).resolves.toMatch(
    /assumptions, judgement not data: change them/,
  );
  await expect(page.getByLabel("Neodymium", { exact: true }).isChecked()).resolves.toBe(true);
  await expect(page.getByLabel("Export cut: share of China's supply withheld (%)").inputValue()).resolves.toBe("30");
  await createDefaultScenario();
  await expect(messages().innerText()).resolves.toMatch(
    /Created the sheet "Scenario Export Quotas": 3 elements, 4 strategies/,
  );
  expect(await page.locator("#preview table > caption").allInnerTexts()).toEqual(["Sheet1", SHEET]);

  const before = await scenarioFigures();
  // 0.8 × 30 % × (1 − 41.86 %) = 13.95 %: Neodymium with the four default offsets combined.
  expect(before.gaps).toEqual({ Neodymium: "14.0%", Dysprosium: "14.8%", Lanthanum: "12.2%" });
  expect(before.gridHeader.slice(0, 4)).toEqual(["Export cut", "Neodymium", "Dysprosium", "Lanthanum"]);
  expect(before.currentCut.slice(0, 5)).toEqual([
    "30.0%",
    "14.0%",
    "14.8%",
    "12.2%",
    "Current cut (the Export cut assumption, B8)",
  ]);
  expect(before.firstFixed.slice(0, 4)).toEqual(["10.0%", "4.7%", "4.9%", "4.1%"]);
  const rows = before.rows.map((r) => r.join(" | ")).join("\n");
  expect(rows).toMatch(/Potential impact \| Supply shortages, delayed production/);
  expect(rows).toMatch(/Base price \(USD\/kg\)[\s\S]*\$73\.00/);
  await expect(page.locator("#preview figure svg title").first().textContent()).resolves.toBe(
    "China share and supply gap by element (% of the element's supply)",
  );

  const cut = page.locator(CUT_INPUT);
  await expect(cut.inputValue()).resolves.toBe("30.0%");
  await cut.fill("60%");
  await cut.press("Enter");
  await cut.press("Tab"); // commits the edit (change event) where Enter alone does not
  await until(async () => (await scenarioFigures()).gaps.Neodymium === "27.9%");

  const after = await scenarioFigures();
  expect(after.gaps).toEqual({ Neodymium: "27.9%", Dysprosium: "29.7%", Lanthanum: "24.4%" });
  expect(after.currentCut.slice(0, 4)).toEqual(["60.0%", "27.9%", "29.7%", "24.4%"]);
  expect(after.firstFixed).toEqual(before.firstFixed); // the fixed cuts do not move
  expect(
    await page.evaluate(async (sheet) => {
      const wb = (
        globalThis as unknown as {
          rarePreview: { readRange(s: string, r: string): Promise<{ formulas: unknown[][] }> };
        }
      ).rarePreview;
      return (await wb.readRange(sheet, "C18")).formulas[0][0];
    }, SHEET),
  ).toBe("=RARE.GAP(A18,$B$8,$B$15)");

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  mkdirSync(artifactsDir, { recursive: true });
  const shot = join(artifactsDir, "scenario-preview.png");
  await page.screenshot({ path: shot, fullPage: true });
  // The README's copy is refreshed on request, so a test run does not dirty the checkout.
  const readmeCopy = join(repoRoot, "docs", "images", "scenario-preview.png");
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(readmeCopy)) {
    mkdirSync(join(repoRoot, "docs", "images"), { recursive: true });
    copyFileSync(shot, readmeCopy);
  }
});

it("offers Update for an existing scenario sheet and keeps the exposure typed into it", async () => {
  await createDefaultScenario();
  await expect(page.locator("#scenario-sheet-status").innerText()).resolves.toMatch(
    /The scenario sheet "Scenario Export Quotas" exists/,
  );
  await expect(
    page.getByRole("button", { name: "Create scenario sheet" }).getAttribute("disabled"),
  ).resolves.not.toBeNull();

  const exposure = page.locator(`#preview input[aria-label="Exposure (t): Neodymium"]`);
  await exposure.fill("100");
  await exposure.press("Tab");
  await page.getByLabel("Export cut: share of China's supply withheld (%)").fill("50");
  await page.getByRole("button", { name: "Update scenario sheet" }).click();
  await expect(messages().locator(".message.success").innerText()).resolves.toMatch(
    /Updated the sheet "Scenario Export Quotas" in place[\s\S]*Kept the exposures you typed: Neodymium \(100\)/,
  );

  const { gaps, rows } = await scenarioFigures();
  expect(gaps.Neodymium).toBe("23.3%"); // 0.8 × 50 % × 58.14 %
  await expect(exposure.inputValue()).resolves.toBe("100.0");
  // 100 t × 1,000 × 73 USD/kg (Nd2O3, MCS2026 for 2025) × ((1 − 0.23256)^−2 − 1) = 5,094,642 USD
  expect(rows.find((r) => r[0] === "Neodymium")).toContain("$5,094,642");
  expect(await page.locator("#preview table > caption").allInnerTexts()).toEqual(["Sheet1", SHEET]);
});

it("Refresh data recalculates and shows the dataset version", async () => {
  await page.getByRole("button", { name: "Refresh data" }).click();
  const version = await page.locator("#dataset-version").innerText();
  await expect(messages().locator(".message.success").innerText()).resolves.toMatch(
    new RegExp(`^Recalculated at \\d\\d:\\d\\d\\. Dataset ${version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.$`),
  );
});

/** The rendered rows of a sheet under the header row whose first cell is `title`, up to a blank first cell. */
async function block(sheet: string, title: string, next?: string): Promise<string[][]> {
  const rows = await sheetRows(sheet);
  const start = rows.findIndex((r) => r[0] === title && (next === undefined || r[1] === next));
  const out: string[][] = [];
  for (let r = start; r >= 0 && r < rows.length && rows[r][0]; r++) out.push(rows[r]);
  return out;
}

const COMPARISON = "Scenario comparison";

it("compares the three presets on one sheet; one scenario's cut moves only its column; the tornado lists every assumption", async () => {
  await page.getByRole("button", { name: "Compare scenarios" }).click();
  await page.locator("#scenario-compare-messages .message.success").waitFor();
  await page.locator("#preview table > caption", { hasText: COMPARISON }).waitFor();
  const change = await block(COMPARISON, "Price change");
  expect(change[0].slice(0, 4)).toEqual([
    "Price change",
    "Export Quotas",
    "Geopolitical Tensions",
    "Market Volatility",
  ]);
  expect(change.map((r) => r[0]).slice(1)).toEqual(["Neodymium", "Dysprosium", "Lanthanum"]);
  const gapsBefore = await block(COMPARISON, "Supply gap");
  // Export Quotas: 0.8 × 30 % × (1 − 41.86 %) = 14.0 %, as on the single-scenario sheet.
  expect(gapsBefore[1].slice(0, 4)).toEqual(["Neodymium", "14.0%", "23.3%", "4.7%"]);

  const cut = page.locator('#preview input[aria-label="Geopolitical Tensions: export cut"]');
  await cut.fill("80");
  await cut.press("Tab");
  // 80 typed into a percent cell is 80 % (automatic percent entry): 0.8 × 80 % × 58.14 % = 37.2 %.
  await until(async () => (await block(COMPARISON, "Supply gap"))[1][2] === "37.2%");
  const gapsAfter = await block(COMPARISON, "Supply gap");
  gapsAfter.forEach((row, r) => {
    expect(row[1]).toBe(gapsBefore[r][1]);
    expect(row[3]).toBe(gapsBefore[r][3]);
  });

  const tornado = await block(COMPARISON, "Assumption", "At low");
  const assumptions = tornado.slice(1).map((r) => r[0]);
  expect([...assumptions].sort()).toEqual(
    [
      "Export cut",
      "Elasticity",
      "Offset: Domestic Mining Expansion",
      "Offset: International Partnerships",
      "Offset: Material Substitution Research",
      "Offset: Recycling Programs",
    ].sort(),
  );
  expect(tornado[0].slice(0, 6)).toEqual(["Assumption", "At low", "At high", "Swing", "Low bound", "High bound"]);
  const titles = await page.locator("#preview figure svg title").allTextContents();
  expect(titles).toEqual(
    expect.arrayContaining([
      "Price change by element and scenario",
      'Tornado for "Export Quotas": outcome at each assumption\'s low and high bound',
    ]),
  );
});

it("the simulation with seed 42 writes the same percentiles twice", async () => {
  const percentiles = async () => {
    await page.getByRole("button", { name: "Run simulation" }).click();
    await page.locator("#scenario-simulation-messages .message.success").waitFor();
    const rows = await block("Scenario simulation", "Element");
    await page.locator("#scenario-simulation-messages .message.success").evaluate((e) => e.remove());
    return rows;
  };
  await expect(page.getByLabel("Seed").inputValue()).resolves.toBe("42");
  await expect(page.getByLabel("Runs").inputValue()).resolves.toBe("10000");
  const first = await percentiles();
  expect(first[0]).toEqual(expect.arrayContaining(["Element", "Gap P5", "Gap P50", "Price change P95"]));
  expect(first.map((r) => r[0]).slice(1)).toEqual(["Neodymium", "Dysprosium", "Lanthanum"]);
  const second = await percentiles();
  expect(second).toEqual(first);
  const stamp = (await sheetRows("Scenario simulation")).map((r) => r.slice(0, 2).join(" | ")).join("\n");
  expect(stamp).toMatch(/Seed \| 42[\s\S]*Runs \| 10000[\s\S]*Price model \| constant[\s\S]*Dataset version \| \d{4}-/);
});
