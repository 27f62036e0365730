/**
 * The preview's live sheet in the built pane (issue 12, item 1): select a cell of the scratch
 * sheet, type in the Formula box, and the cell shows what Excel would; ranges spill, blocked
 * spills show #SPILL!, a typo's message shows on focus, typing follows Excel's entry rules,
 * the grid moves with the keyboard, and an entity's card shows when its cell is selected.
 */
import type { PreviewWorkbook } from "../../taskpane/hosts/preview";
import { importCsv, useImportForRareFunctions } from "../support/import-view";
import { paneForAllTests } from "../support/pane-hooks";
import { articleElement } from "../support/seed-facts";

jest.setTimeout(90_000);

const { session, page } = paneForAllTests();
afterEach(() => expect(session.errors).toEqual([]));

const cell = (address: string, sheet = "Sheet1") =>
  page.locator(`#preview section[data-sheet="${sheet}"] table [data-address="${address}"]`);
const formula = () => page.getByRole("textbox", { name: "Formula", exact: true });
const nameBox = () => page.getByRole("textbox", { name: "Cell", exact: true });

/** Selects the cell, types into the Formula box and presses Enter, as a user would. */
async function type(address: string, text: string): Promise<void> {
  await cell(address).click();
  await formula().fill(text);
  await formula().press("Enter");
}

/** The value shown, as a number: 0.8 "however formatted" (0.8, 80%, 80.0%). */
const asNumber = (shown: string) => (shown.endsWith("%") ? Number(shown.slice(0, -1)) / 100 : Number(shown));

it('selecting a cell and typing =RARE.SHARE("Nd") in the Formula box shows 0.8 there', async () => {
  await type("B2", '=RARE.SHARE("Nd")');
  const shown = await cell("B2").innerText();
  expect(asNumber(shown)).toBe(articleElement("Neodymium").share);
  await expect(nameBox().inputValue()).resolves.toBe("B3"); // Enter moved down, as in Excel
  await cell("B2").click();
  await expect(formula().inputValue()).resolves.toBe('=RARE.SHARE("Nd")');
  await expect(
    page.evaluate(() => (globalThis as unknown as { rarePreview: PreviewWorkbook }).rarePreview.selectedCell()),
  ).resolves.toEqual({
    sheet: "Sheet1",
    cell: { row: 1, col: 1 },
  });
});

it("=RARE.SHARE(A1:A3) over three typed names spills three results; a blocked spill shows #SPILL!", async () => {
  await type("D1", "Nd");
  await type("D2", "Dy");
  await type("D3", "La");
  await type("E1", "=RARE.SHARE(D1:D3)");
  const shown = await Promise.all(["E1", "E2", "E3"].map((a) => cell(a).innerText()));
  expect(shown.map(asNumber)).toEqual(["Neodymium", "Dysprosium", "Lanthanum"].map((e) => articleElement(e).share));
  await type("E3", "in the way");
  await expect(cell("E1").innerText()).resolves.toBe("#SPILL!");
  await expect(cell("E1").getAttribute("title")).resolves.toMatch(/isn't blank.*E3/);
  await cell("E3").click();
  await page.keyboard.press("Delete");
  await expect(cell("E3").innerText()).resolves.not.toBe("in the way");
  expect(asNumber(await cell("E1").innerText())).toBe(articleElement("Neodymium").share);
});

it("a typo shows its Did you mean message when the cell is focused", async () => {
  await type("A8", '=RARE.SHARE("Neodymum")');
  await expect(cell("A8").innerText()).resolves.toBe("#N/A");
  await cell("A8").focus();
  const message = page.locator("#rare-cell-message");
  await expect(message.innerText()).resolves.toMatch(/A8: #N\/A .*Did you mean Neodymium\?/);
  await expect(cell("A8").getAttribute("aria-describedby")).resolves.toBe("rare-cell-message");
  await expect(cell("A8").getAttribute("title")).resolves.toMatch(/Did you mean Neodymium/); // on hover
});

it("typing follows Excel: 80% is 0.8, 80 in a percent cell is 80 %, an apostrophe keeps text", async () => {
  await type("C5", "80%");
  await expect(cell("C5").innerText()).resolves.toBe("80%");
  expect(
    await page.evaluate(() =>
      (globalThis as unknown as { rarePreview: PreviewWorkbook }).rarePreview.sheet("Sheet1").value(4, 2),
    ),
  ).toBe(0.8);
  await type("C5", "40"); // the cell is a percent cell now
  await expect(cell("C5").innerText()).resolves.toBe("40%");
  await type("C6", "'=1+1");
  await expect(cell("C6").innerText()).resolves.toBe("=1+1");
  await type("C7", "'80%");
  await expect(cell("C7").innerText()).resolves.toBe("80%");
  expect(
    await page.evaluate(() =>
      (globalThis as unknown as { rarePreview: PreviewWorkbook }).rarePreview.sheet("Sheet1").value(6, 2),
    ),
  ).toBe("80%");
});

it("the grid moves with arrows, Enter and Tab; F2 edits; typing replaces", async () => {
  await cell("B6").click();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await expect(nameBox().inputValue()).resolves.toBe("C7");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(nameBox().inputValue()).resolves.toBe("D8");
  await expect(page.evaluate(() => document.activeElement?.getAttribute("data-address"))).resolves.toBe("D8");
  await page.keyboard.type("7");
  await page.keyboard.press("Enter");
  await expect(cell("D8").innerText()).resolves.toBe("7");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("F2");
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("rare-formula");
  await page.keyboard.type("0"); // F2 edits at the end of what the cell holds
  await page.keyboard.press("Enter");
  await expect(cell("D8").innerText()).resolves.toBe("70");
});

it("an entity's card shows beside the grid while its cell is selected", async () => {
  await page.evaluate(() => {
    const wb = (globalThis as unknown as { rarePreview: PreviewWorkbook }).rarePreview;
    wb.sheet("Sheet1").placeResult(
      9,
      0,
      {
        type: "Entity",
        text: "Testium",
        properties: {
          Symbol: { type: "String", basicValue: "Ts" },
          "China share": { type: "Double", basicValue: 0.8, numberFormat: "0%" },
        },
        layouts: {
          card: { title: { property: "Symbol" }, sections: [{ title: "Supply", properties: ["China share"] }] },
        },
        provider: { description: "RARE dataset test" },
      },
      null,
    );
    return wb.recalculate(false);
  });
  await expect(cell("A10").innerText()).resolves.toBe("Testium");
  const card = page.getByRole("complementary", { name: "Card: Ts" });
  await cell("A10").click();
  await expect(card.innerText()).resolves.toMatch(/Supply[\s\S]*China share[\s\S]*80%[\s\S]*Data: RARE dataset test/);
  await cell("B10").click();
  await expect(card.count()).resolves.toBe(0);
});

it('=RARE.ELEMENT("Nd") shows Neodymium and its card, with the China share RARE.SHARE gives', async () => {
  await type("E12", '=RARE.ELEMENT("Nd")');
  await expect(cell("E12").innerText()).resolves.toBe("Neodymium");
  await cell("E12").click();
  const card = page.getByRole("complementary", { name: /^Card: / });
  const share = `${Math.round(articleElement("Neodymium").share * 100)}%`;
  await expect(card.innerText()).resolves.toMatch(new RegExp(`Symbol[\\s\\S]*Nd[\\s\\S]*China share[\\s\\S]*${share}`));
  await expect(card.innerText()).resolves.toMatch(/RARE dataset/);
});

it("recalculates the scratch sheet when imported overrides are used and cleared", async () => {
  await type("F12", '=RARE.SHARE("Neodymium")');
  const shown = () => cell("F12").innerText().then(asNumber);
  expect(await shown()).toBe(articleElement("Neodymium").share);
  await page.getByRole("tab", { name: "Import CSV" }).click();
  await importCsv(page, "my-shares.csv", "Element,China share\nNeodymium,50%\n");
  await useImportForRareFunctions(page);
  expect(await shown()).toBe(0.5);
  await page.getByRole("button", { name: "Clear overrides" }).click();
  await page.locator("#import-messages .message.success", { hasText: "Overrides cleared" }).waitFor();
  expect(await shown()).toBe(articleElement("Neodymium").share);
});
