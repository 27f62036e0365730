/**
 * axe-core on every task pane view, in the real pane (preview mode): no serious or
 * critical accessibility violations. axe is injected as a script, which the pane's
 * Content-Security-Policy forbids, so this one page bypasses CSP; the other browser tests
 * keep it.
 */
import { readFileSync } from "fs";
import type { Page } from "playwright-core";
import { paneForAllTests } from "../support/pane-hooks";
import { seedsDir } from "../support/paths";
import { join } from "path";

jest.setTimeout(90_000);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

async function seriousViolations(page: Page): Promise<string[]> {
  // Fluent buttons fade between states; measuring contrast mid-transition reads colours no
  // one sees for long. Let running animations finish first.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, {
    timeout: 5_000,
  });
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
}

const { session } = paneForAllTests({ bypassCSP: true });

it("Functions view", async () => {
  await session.page.getByRole("tab", { name: "Functions" }).click();
  expect(await seriousViolations(session.page)).toEqual([]);
});

it("Functions view's builder, filled in, with an error shown and a replace question open", async () => {
  const page = session.page;
  await page.getByRole("tab", { name: "Functions" }).click();
  await page.getByLabel("Function", { exact: true }).selectOption("PRICEIMPACT");
  await page.getByLabel("element", { exact: true }).selectOption({ label: "Neodymium" });
  await page.getByLabel("cut (%)", { exact: true }).fill("not a number");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("cut (%)", { exact: true }).fill("50");
  await page.evaluate(() =>
    (globalThis as unknown as { rarePreview: { select(s: string, c: object): void } }).rarePreview.select("Sheet1", {
      row: 0,
      col: 0,
    }),
  );
  const insert = page.getByRole("button", { name: "Insert into cell" });
  await insert.click();
  await page.locator("#builder-messages .message.success").waitFor();
  await insert.click();
  await page.getByRole("button", { name: "Replace it" }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Keep it" }).click();
});

it("Import CSV view, with a file analysed and imported into the preview workbook", async () => {
  const page = session.page;
  await page.getByRole("tab", { name: "Import CSV" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("CSV file").setInputFiles(join(seedsDir, "usgs", "mcs2024-raree_salient.csv"));
  await page.waitForSelector("#import-preview");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.locator("#import-messages .message.success").waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

it("Scenarios view, with a scenario sheet and a comparison drawn as charts in the preview", async () => {
  const page = session.page;
  await page.getByRole("tab", { name: "Scenarios" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Create scenario sheet" }).click();
  await page.locator("#scenario-messages .message.success").waitFor();
  await page.getByRole("button", { name: "Compare scenarios" }).click();
  await page.locator("#scenario-compare-messages .message.success").waitFor();
  // Each chart is an image with a title and a text equivalent (aria-labelledby title + desc).
  const charts = page.locator("#preview figure svg");
  expect(await charts.count()).toBeGreaterThanOrEqual(3);
  for (const svg of await charts.all()) {
    await expect(svg.getAttribute("role")).resolves.toBe("img");
    const [title, desc] = ((await svg.getAttribute("aria-labelledby")) ?? "").split(" ");
    await expect(svg.locator(`[id="${title}"]`).textContent()).resolves.toMatch(/\S/);
    await expect(svg.locator(`[id="${desc}"]`).textContent()).resolves.toMatch(/\d/);
  }
  expect(await seriousViolations(page)).toEqual([]);
});

it("Workbook view, with a copy prepared to share", async () => {
  await session.page.getByRole("tab", { name: "Workbook" }).click();
  expect(await seriousViolations(session.page)).toEqual([]);
  await session.page.getByRole("button", { name: "Prepare a copy to share" }).click();
  await session.page.locator("#travel-messages .message").waitFor();
  expect(await seriousViolations(session.page)).toEqual([]);
});

it("the live sheet: a selected error cell, a spill and an entity's card", async () => {
  const page = session.page;
  const cell = (a: string) => page.locator(`#preview section[data-sheet="Sheet1"] [data-address="${a}"]`);
  const formula = page.getByRole("textbox", { name: "Formula", exact: true });
  for (const [address, text] of [
    ["A1", "Nd"],
    ["A2", "Dy"],
    ["B1", "=RARE.SHARE(A1:A2)"],
    ["C1", '=RARE.SHARE("Neodymum")'],
  ]) {
    await cell(address).click();
    await formula.fill(text);
    await formula.press("Enter");
  }
  await page.evaluate(() => {
    const wb = (
      globalThis as unknown as {
        rarePreview: {
          sheet(n: string): { placeResult(r: number, c: number, v: unknown, b: null): boolean };
          recalculate(full: boolean): Promise<void>;
        };
      }
    ).rarePreview;
    wb.sheet("Sheet1").placeResult(
      4,
      0,
      {
        type: "Entity",
        text: "Testium",
        properties: { Symbol: { type: "String", basicValue: "Ts" } },
        layouts: { card: { title: "Testium", sections: [{ title: "Facts", properties: ["Symbol"] }] } },
        provider: { description: "RARE dataset test" },
      },
      null,
    );
    return wb.recalculate(false);
  });
  await cell("C1").focus();
  expect(await seriousViolations(page)).toEqual([]);
  await cell("A5").click();
  await page.getByRole("complementary", { name: "Card: Testium" }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});
