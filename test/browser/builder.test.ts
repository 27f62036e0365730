/**
 * The function builder in the Functions view, in the built pane (preview mode): choose a
 * function, pick its arguments, see the formula, its live result and its source, and
 * Insert into cell writes it to the cell selected (clicked) in the preview's scratch sheet.
 * Expected values come from the seed files (test/support/seed-facts.ts).
 */
import { paneForAllTests } from "../support/pane-hooks";
import { articleElement, seedCsv } from "../support/seed-facts";

jest.setTimeout(90_000);

interface PreviewHandle {
  readFormulas(
    sheet: string,
    rect: { row: number; col: number; rows: number; cols: number },
  ): Promise<{ values: unknown[][]; formulas: unknown[][] }>;
}

const { session, page } = paneForAllTests();

const shownCell = (address: string, sheet = "Sheet1") =>
  page.locator(`#preview section[data-sheet="${sheet}"] table [data-address="${address}"]`);
/** Selects the cell in the scratch sheet as a user does: a click. */
const select = (address: string) => shownCell(address).click();
const cell = (sheet: string, row: number, col: number) =>
  page.evaluate(
    async ([s, r, c]) => {
      const read = await (globalThis as unknown as { rarePreview: PreviewHandle }).rarePreview.readFormulas(s, {
        row: r,
        col: c,
        rows: 1,
        cols: 1,
      });
      return { formula: read.formulas[0][0], value: read.values[0][0] };
    },
    [sheet, row, col] as const,
  );
const messages = () => page.locator("#builder-messages").innerText();

it("opens on the Functions view with the builder's Function select enabled", async () => {
  await expect(page.getByLabel("Function", { exact: true }).isEnabled()).resolves.toBe(true);
});

it("choose SHARE, pick Neodymium: formula, live result and source as you go", async () => {
  await page.getByLabel("Function", { exact: true }).selectOption("SHARE");
  await expect(page.locator("#builder-formula").innerText()).resolves.toBe("=RARE.SHARE()");
  await page.getByLabel("element", { exact: true }).selectOption({ label: "Neodymium" });
  await expect(page.locator("#builder-formula").innerText()).resolves.toBe('=RARE.SHARE("Neodymium")');
  const nd = articleElement("Neodymium");
  await expect(page.locator("#builder-result").innerText()).resolves.toBe(String(nd.share));
  const source = await page.locator("#builder-source").innerText();
  const cited = seedCsv("article-tables/elements.csv").find((r) => r.element === "Neodymium")?.source;
  expect(source).toContain(`[${cited}]`);
  expect(source).toContain('cite with =RARE.SOURCE("share","Neodymium")');
});

it("each argument carries its help (aria-describedby)", async () => {
  const described = await page.getByLabel("stage (optional)").evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
  expect(described).toContain("supply-chain stage");
  expect(described).toContain('Choices from RARE.LIST("stages")');
});

it("Insert into cell with no cell selected writes nothing and says why", async () => {
  await page.getByRole("button", { name: "Insert into cell" }).click();
  await expect(messages()).resolves.toMatch(/Nothing inserted: no cell is selected/);
});

it('Insert into cell puts =RARE.SHARE("Neodymium") with its value in the selected cell', async () => {
  await select("B2");
  await page.getByRole("button", { name: "Insert into cell" }).click();
  await expect(messages()).resolves.toMatch(/Inserted =RARE\.SHARE\("Neodymium"\) into Sheet1!B2/);
  const share = articleElement("Neodymium").share;
  expect(await cell("Sheet1", 1, 1)).toEqual({ formula: '=RARE.SHARE("Neodymium")', value: share });
  await expect(shownCell("B2").innerText()).resolves.toBe(String(share));
  // The scratch sheet's formula bar shows the inserted formula for the selected cell.
  await shownCell("B2").click();
  await expect(page.getByRole("textbox", { name: "Formula", exact: true }).inputValue()).resolves.toBe(
    '=RARE.SHARE("Neodymium")',
  );
});

it("never overwrites silently: a cell holding something is named, kept, or replaced on request", async () => {
  await page.getByLabel("stage (optional)").selectOption("mining");
  const formula = '=RARE.SHARE("Neodymium","mining")';
  await expect(page.locator("#builder-formula").innerText()).resolves.toBe(formula);
  await page.getByRole("button", { name: "Insert into cell" }).click();
  const question = page.locator("#builder-confirm");
  await expect(question.innerText()).resolves.toContain(
    `Sheet1!B2 holds the formula =RARE.SHARE("Neodymium"). Replace it with ${formula}?`,
  );
  // The question takes the focus, on the safe answer.
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("builder-keep");
  await page.keyboard.press("Enter");
  await expect(messages()).resolves.toMatch(/Nothing inserted: Sheet1!B2 keeps what it holds/);
  expect((await cell("Sheet1", 1, 1)).formula).toBe('=RARE.SHARE("Neodymium")');

  await page.getByRole("button", { name: "Insert into cell" }).click();
  await page.getByRole("button", { name: "Replace it" }).click();
  await expect(messages()).resolves.toMatch(/Inserted/);
  expect((await cell("Sheet1", 1, 1)).formula).toBe(formula);
});

it("invalid input never writes, and the builder says why", async () => {
  await page.getByLabel("Function", { exact: true }).selectOption("GAP");
  await page.getByLabel("element", { exact: true }).selectOption({ label: "Neodymium" });
  await page.getByLabel("cut (%)", { exact: true }).fill("half");
  await expect(page.locator("#builder-result").innerText()).resolves.toMatch(
    /Not evaluated yet: cut must be a percentage/,
  );
  await expect(page.getByLabel("cut (%)", { exact: true }).getAttribute("aria-invalid")).resolves.toBe("true");
  await select("A5");
  await page.getByRole("button", { name: "Insert into cell" }).click();
  await expect(messages()).resolves.toMatch(
    /Nothing inserted: the formula is not complete[\s\S]*cut must be a percentage/,
  );
  expect(await cell("Sheet1", 4, 0)).toEqual({ formula: "", value: "" });
});

it("shows an error result with its message", async () => {
  await page.getByLabel("Function", { exact: true }).selectOption("SHARE");
  await page.getByLabel("element", { exact: true }).selectOption({ label: "Lanthanum" });
  await page.getByLabel("stage (optional)").selectOption("magnets");
  await expect(page.locator("#builder-result").innerText()).resolves.toMatch(/^#N\/A .*agnet/);
  await expect(page.locator("#builder-source").innerText()).resolves.toBe("No citation: the formula gives an error.");
});

it("is fully keyboard usable: GAP, Neodymium, 50 % and Insert without the mouse", async () => {
  await select("C7");
  await page.getByLabel("Function", { exact: true }).focus();
  await page.keyboard.type("GAP");
  await expect(page.locator("#builder-formula").innerText()).resolves.toBe("=RARE.GAP()");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Neodymium");
  await page.keyboard.press("Tab");
  await page.keyboard.type("50");
  await page.keyboard.press("Tab"); // mitigation, left empty
  await page.keyboard.press("Tab");
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("builder-insert");
  await page.keyboard.press("Enter");
  await expect(messages()).resolves.toMatch(/Inserted =RARE\.GAP\("Neodymium",50%\) into Sheet1!C7/);
  const nd = articleElement("Neodymium").share;
  const { value } = await cell("Sheet1", 6, 2);
  expect(value).toBeCloseTo(nd * 0.5, 12);
  expect(session.errors).toEqual([]);
  expect(session.dialogs).toEqual([]);
});
