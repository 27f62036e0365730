/**
 * The preview's live sheet over the real RARE functions: typed entries read as Excel reads
 * them, formulas over ranges and other cells, dynamic arrays spilling (and #SPILL! where the
 * block is not free, as Microsoft documents), recalculation on input and override changes,
 * entity results kept for their card, and the grid's keyboard in the mini DOM.
 */
import { engineFunctions } from "../../../../src/formula/associated-functions";
import { createFfpEvaluator } from "../../../../src/scenario/ffp-evaluator";
import { PreviewWorkbook, cellEntry, renderPreview } from "../../../../taskpane/hosts/preview";
import { entityCard } from "../../../../taskpane/hosts/preview-card";
import { displayText, editText } from "../../../../taskpane/hosts/preview-view";
import { articleElement } from "../../../support/seed-facts";
import { associated, rarePreview } from "../../scenario/support/rare-preview";
import { container, type MiniElement } from "../../../support/mini-dom";

const nd = articleElement("Neodymium");
const dy = articleElement("Dysprosium");
const la = articleElement("Lanthanum");

/** An entity as Excel documents it (Excel.EntityCellValue), from a test function. */
const ENTITY = {
  type: "Entity" as const,
  text: "Testium",
  properties: {
    Symbol: { type: "String", basicValue: "Ts" },
    "China share": {
      type: "Double",
      basicValue: 0.8,
      numberFormat: "0%",
      propertyMetadata: { attribution: [{ sourceText: "Article A002" }] },
    },
    History: {
      type: "Array",
      elements: [
        [
          { type: "Double", basicValue: 2023 },
          { type: "Double", basicValue: 1.5 },
        ],
      ],
    },
    Hidden: { type: "String", basicValue: "not on the card" },
  },
  layouts: {
    card: { title: { property: "Symbol" }, sections: [{ title: "Supply", properties: ["China share", "History"] }] },
  },
  provider: { description: "RARE dataset test" },
};

const withEntity = () =>
  new PreviewWorkbook({
    evaluator: createFfpEvaluator(engineFunctions({ ...associated, TESTENTITY: () => ENTITY })),
  });

const text = (wb: PreviewWorkbook, a1: [number, number]) => displayText(wb.sheet("Sheet1"), a1[0], a1[1]);

describe("typed entries, as Excel reads them", () => {
  it("80% is 0.8 shown as 80%; in a percent cell 80 is 80 %; an apostrophe keeps text", async () => {
    const wb = rarePreview();
    wb.enter("Sheet1", 0, 0, "80%");
    expect(wb.sheet("Sheet1").value(0, 0)).toBe(0.8);
    expect(text(wb, [0, 0])).toBe("80%");
    await wb.setNumberFormat("Sheet1", { row: 1, col: 0, rows: 1, cols: 1 }, "0.0%");
    wb.enter("Sheet1", 1, 0, "80");
    expect(wb.sheet("Sheet1").value(1, 0)).toBe(0.8);
    expect(text(wb, [1, 0])).toBe("80.0%");
    wb.enter("Sheet1", 2, 0, "'0042");
    expect(wb.sheet("Sheet1").value(2, 0)).toBe("0042");
    expect(editText(wb.sheet("Sheet1"), 2, 0)).toBe("'0042");
    wb.enter("Sheet1", 3, 0, '\'=RARE.SHARE("Nd")');
    expect(wb.sheet("Sheet1").formula(3, 0)).toBeUndefined();
    expect(cellEntry("12.5%", "General")).toEqual({ value: 0.125, format: "0.00%" });
    expect(cellEntry("TRUE", "General")).toEqual({ value: true });
    expect(cellEntry("-5", "General")).toEqual({ value: -5 });
    expect(cellEntry("+A1*2", "General")).toEqual({ formula: "=+A1*2" });
    expect(cellEntry("=1+1", "@")).toEqual({ value: "=1+1" }); // a text cell keeps what is typed
  });
});

describe("formulas in the scratch sheet", () => {
  it("evaluates a RARE formula, a range over typed names, and references; recalculates on input", () => {
    const wb = rarePreview();
    wb.enter("Sheet1", 1, 1, '=RARE.SHARE("Nd")');
    expect(wb.sheet("Sheet1").value(1, 1)).toBe(nd.share);
    wb.enter("Sheet1", 0, 0, "Nd");
    wb.enter("Sheet1", 0, 3, "=RARE.SHARE(A1)*2");
    expect(wb.sheet("Sheet1").value(0, 3)).toBeCloseTo(nd.share * 2);
    wb.enter("Sheet1", 0, 0, "Dy");
    expect(wb.sheet("Sheet1").value(0, 3)).toBeCloseTo(dy.share * 2);
  });

  it("a formula showing a blank cell shows 0, as Excel's does", () => {
    const wb = rarePreview();
    wb.enter("Sheet1", 0, 1, "=A1");
    expect(wb.sheet("Sheet1").value(0, 1)).toBe(0);
    wb.enter("Sheet1", 0, 0, "x");
    expect(wb.sheet("Sheet1").value(0, 1)).toBe("x");
  });

  it("a typo gives #N/A with its Did you mean message", () => {
    const wb = rarePreview();
    wb.enter("Sheet1", 0, 0, '=RARE.SHARE("Neodymum")');
    expect(wb.sheet("Sheet1").value(0, 0)).toMatchObject({
      error: "#N/A",
      message: expect.stringMatching(/Did you mean Neodymium/),
    });
  });

  it("recalculates when the data behind the functions changes (overrides): recalculate() recomputes", async () => {
    let share = 0.5;
    const wb = new PreviewWorkbook({ evaluator: createFfpEvaluator({ "T.SHARE": () => share }) });
    wb.enter("Sheet1", 0, 0, "=T.SHARE()");
    expect(wb.sheet("Sheet1").value(0, 0)).toBe(0.5);
    share = 0.7;
    await wb.recalculate(true);
    expect(wb.sheet("Sheet1").value(0, 0)).toBe(0.7);
  });
});

describe("dynamic arrays", () => {
  it("=RARE.SHARE(A1:A3) spills three results down; spillRects reports the block; SUM reads it", async () => {
    const wb = rarePreview();
    for (const [r, name] of ["Nd", "Dy", "La"].entries()) wb.enter("Sheet1", r, 0, name);
    wb.enter("Sheet1", 0, 1, "=RARE.SHARE(A1:A3)");
    const s = wb.sheet("Sheet1");
    expect([0, 1, 2].map((r) => s.value(r, 1))).toEqual([nd.share, dy.share, la.share]);
    expect(
      await wb.spillRects("Sheet1", [
        { row: 0, col: 1 },
        { row: 1, col: 1 },
      ]),
    ).toEqual([{ row: 0, col: 1, rows: 3, cols: 1 }, null]);
    // Range.formulas: a spilled cell has no formula of its own, so it reads as its value.
    expect((await wb.readRange("Sheet1", "B1:B3")).formulas.map((r) => r[0])).toEqual([
      "=RARE.SHARE(A1:A3)",
      dy.share,
      la.share,
    ]);
    wb.enter("Sheet1", 0, 2, "=SUM(B1:B3)");
    expect(s.value(0, 2)).toBeCloseTo(nd.share + dy.share + la.share);
    expect(editText(s, 2, 1)).toBe("=RARE.SHARE(A1:A3)");
  });

  it("#SPILL! where a cell of the block holds data, with the reason; spills again once it is cleared", () => {
    const wb = rarePreview();
    for (const [r, name] of ["Nd", "Dy", "La"].entries()) wb.enter("Sheet1", r, 0, name);
    wb.enter("Sheet1", 2, 1, "mine");
    wb.enter("Sheet1", 0, 1, "=RARE.SHARE(A1:A3)");
    const s = wb.sheet("Sheet1");
    expect(s.value(0, 1)).toMatchObject({ error: "#SPILL!", message: expect.stringMatching(/B3/) });
    expect(s.value(1, 1)).toBeNull();
    expect(s.value(2, 1)).toBe("mine"); // nothing the user had is overwritten
    wb.enter("Sheet1", 2, 1, "");
    expect(s.value(2, 1)).toBe(la.share);
  });

  it("a spill shrinks with its source and a second array cannot spill over the first", () => {
    const wb = rarePreview();
    for (const [r, name] of ["Nd", "Dy", "La"].entries()) wb.enter("Sheet1", r, 0, name);
    wb.enter("Sheet1", 0, 1, "=A1:A3");
    wb.enter("Sheet1", 1, 2, "={1,2}");
    wb.enter("Sheet1", 1, 0, "=B1"); // formulas in the source are fine; now A2 reads the spill's anchor
    const s = wb.sheet("Sheet1");
    expect(s.value(1, 2)).toBe(1);
    wb.enter("Sheet1", 0, 1, "=A1:A1");
    expect(s.value(1, 1)).toBeNull(); // the old spill is gone
    wb.enter("Sheet1", 2, 1, "=A1:A2"); // B3..B4
    wb.enter("Sheet1", 1, 1, "={1;2;3}"); // B2..B4: B3 is a formula → #SPILL!
    expect(s.value(1, 1)).toMatchObject({ error: "#SPILL!" });
  });

  it("refuses to spill into a table or past the sheet's edge", async () => {
    const wb = rarePreview();
    await wb.addTable("Sheet1", { row: 3, col: 0, rows: 2, cols: 1 }, { hasHeaders: false });
    wb.enter("Sheet1", 2, 0, "={1;2}");
    expect(wb.sheet("Sheet1").value(2, 0)).toMatchObject({ error: "#SPILL!", message: expect.stringMatching(/table/) });
    wb.enter("Sheet1", 1_048_575, 0, "={1;2}");
    expect(wb.sheet("Sheet1").value(1_048_575, 0)).toMatchObject({
      error: "#SPILL!",
      message: expect.stringMatching(/edge/),
    });
  });
});

describe("entities", () => {
  it("a cell shows the entity's text, formulas read that text, and the card follows the documented shape", () => {
    const wb = withEntity();
    wb.enter("Sheet1", 0, 0, "=RARE.TESTENTITY()");
    const s = wb.sheet("Sheet1");
    expect(s.value(0, 0)).toBe("Testium");
    expect(s.entity(0, 0)).toEqual(ENTITY);
    wb.enter("Sheet1", 0, 1, "=LEN(A1)");
    expect(s.value(0, 1)).toBe(7);
    const card = entityCard(s.entity(0, 0)!);
    expect(card).toEqual({
      title: "Ts",
      sections: [
        {
          title: "Supply",
          rows: [
            { name: "China share", text: "80%", sources: ["Article A002"] },
            { name: "History", text: "2023, 1.5", table: [["2023", "1.5"]] },
          ],
        },
      ],
      provider: "RARE dataset test",
    });
    wb.enter("Sheet1", 0, 0, "plain");
    expect(s.entity(0, 0)).toBeUndefined();
  });

  it("without card sections every property shows but those excluded from card view", () => {
    const card = entityCard({
      type: "Entity",
      text: "X",
      properties: {
        A: "a",
        B: { type: "Boolean", basicValue: true, propertyMetadata: { excludeFrom: { cardView: true } } },
      },
    });
    expect(card).toEqual({ title: "X", sections: [{ rows: [{ name: "A", text: "a" }] }] });
  });
});

describe("the grid (mini DOM)", () => {
  const cellEl = (root: MiniElement, a: string) =>
    root.findAll((e) => e.getAttribute("data-address") === a && e.getAttribute("data-sheet") === "Sheet1")[0];
  const byId = (root: MiniElement, id: string) => root.findAll((e) => e.getAttribute("id") === id)[0];

  it("selecting a cell and entering a formula in the Formula box shows its value; keys move the selection", async () => {
    const wb = withEntity();
    const root = container();
    renderPreview(wb, root);
    expect(await wb.selectedCell()).toBeNull();
    cellEl(root, "B2").dispatch("click");
    expect(await wb.selectedCell()).toEqual({ sheet: "Sheet1", cell: { row: 1, col: 1 } });
    expect(byId(root, "rare-name-box").value).toBe("B2");
    const formula = byId(root, "rare-formula");
    formula.focus();
    formula.value = '=RARE.SHARE("Nd")';
    formula.dispatch("input");
    formula.dispatch("keydown", { key: "Enter" });
    expect(cellEl(root, "B2").textContent).toBe(String(nd.share));
    expect(byId(root, "rare-name-box").value).toBe("B3"); // Enter moves down
    const b3 = cellEl(root, "B3");
    expect(b3.getAttribute("tabindex")).toBe("0"); // one roving tab stop
    expect(cellEl(root, "B2").getAttribute("tabindex")).toBe("-1");
    b3.dispatch("keydown", { key: "ArrowRight" });
    expect(byId(root, "rare-name-box").value).toBe("C3");
    cellEl(root, "C3").dispatch("keydown", { key: "Tab", shiftKey: true });
    expect(byId(root, "rare-name-box").value).toBe("B3");
    cellEl(root, "B3").dispatch("keydown", { key: "ArrowUp" });
    expect(formula.value).toBe('=RARE.SHARE("Nd")');
    cellEl(root, "B2").dispatch("keydown", { key: "F2" });
    expect(root.ownerDocument.activeElement).toBe(formula);
  });

  it("Enter in the formula bar without an edit enters nothing (a spilled cell stays spilled); Delete clears", () => {
    const wb = rarePreview();
    const root = container();
    renderPreview(wb, root);
    wb.enter("Sheet1", 0, 0, "={1;2}");
    cellEl(root, "A2").dispatch("click");
    const formula = byId(root, "rare-formula");
    expect(formula.value).toBe("={1;2}"); // the anchor's formula, as Excel shows it for a spilled cell
    formula.focus();
    formula.dispatch("keydown", { key: "Enter" });
    expect(wb.sheet("Sheet1").formula(1, 0)).toBeUndefined();
    expect(cellEl(root, "A2").textContent).toBe("2");
    cellEl(root, "A1").dispatch("click");
    cellEl(root, "A1").dispatch("keydown", { key: "Delete" });
    expect(wb.sheet("Sheet1").formula(0, 0)).toBeUndefined();
    expect(cellEl(root, "A2").textContent).toBe("");
  });

  it("typing over a cell replaces it; an error's message shows for the selected cell; an entity's card beside the grid", () => {
    const wb = withEntity();
    const root = container();
    renderPreview(wb, root);
    cellEl(root, "A1").dispatch("click");
    cellEl(root, "A1").dispatch("keydown", { key: "=" });
    const formula = byId(root, "rare-formula");
    formula.value = '=RARE.SHARE("Neodymum")';
    formula.dispatch("keydown", { key: "Enter" });
    expect(cellEl(root, "A1").textContent).toBe("#N/A");
    expect(cellEl(root, "A1").getAttribute("title")).toMatch(/Did you mean Neodymium/);
    cellEl(root, "A1").dispatch("click");
    expect(byId(root, "rare-cell-message").textContent).toMatch(/A1: #N\/A .*Did you mean Neodymium/);
    expect(cellEl(root, "A1").getAttribute("aria-describedby")).toBe("rare-cell-message");
    wb.enter("Sheet1", 3, 0, "=RARE.TESTENTITY()");
    const card = root.findAll((e) => e.tagName === "aside")[0];
    expect(card.hidden).toBe(true);
    cellEl(root, "A4").dispatch("click");
    expect(card.hidden).toBe(false);
    expect(card.getAttribute("aria-label")).toBe("Card: Ts");
    expect(card.byTag("dt").map((d) => d.textContent)).toEqual(["China share", "History"]);
    expect(card.textContent).toMatch(/Data: RARE dataset test/);
  });
});
