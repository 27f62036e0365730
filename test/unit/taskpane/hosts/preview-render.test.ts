import { PreviewWorkbook, renderPreview } from "../../../../taskpane/hosts/preview";
import { chartShapes } from "../../../../taskpane/hosts/preview-chart";
import { buildSheetView, describeChart, inputLabel } from "../../../../taskpane/hosts/preview-view";
import { container, type MiniElement } from "../../../support/mini-dom";
import { tinyEvaluator } from "../../../support/tiny-evaluator";

const HOSTILE = '<img src=x onerror="alert(1)">';

async function scenarioWorkbook(): Promise<PreviewWorkbook> {
  const wb = new PreviewWorkbook({ evaluator: tinyEvaluator(), sheets: ["Scenario"] });
  await wb.run(async (b) => {
    b.writeValues("Scenario", { row: 0, col: 0 }, [
      ["Element", "Gap"],
      ["Neodymium", 0.25],
      ["Dysprosium", null],
    ]);
    b.writeFormulas("Scenario", { row: 2, col: 1 }, [["=B2*2"]]);
    b.setNumberFormat("Scenario", { row: 1, col: 1, rows: 2, cols: 1 }, "0.0%");
    b.addTable("Scenario", { row: 0, col: 0, rows: 3, cols: 2 }, { hasHeaders: true });
    b.writeValues("Scenario", { row: 4, col: 0 }, [
      ["Export cut", 0.5, null],
      [HOSTILE, null, 7],
    ]);
    b.markInput("Scenario", { row: 4, col: 1 });
    b.markInput("Scenario", { row: 5, col: 1 }, "Elasticity");
    b.addChart("Scenario", {
      type: "column",
      title: "Supply gap",
      dataRect: { row: 0, col: 0, rows: 3, cols: 2 },
      position: { row: 8, col: 0 },
    });
  });
  return wb;
}

const cell = (root: MiniElement, ref: string): MiniElement =>
  root.findAll((e) => e.getAttribute("data-cell") === ref && e.tagName !== "td")[0] ??
  root.findAll((e) => e.getAttribute("data-cell") === ref)[0];

describe("preview view model", () => {
  it("formats cells, marks table headers and inputs, labels inputs", async () => {
    const wb = await scenarioWorkbook();
    const view = buildSheetView(wb, "Scenario");
    expect(view.rows[0].slice(0, 3).map((c) => [c.kind, c.text])).toEqual([
      ["header", "Element"],
      ["header", "Gap"],
      ["data", ""],
    ]);
    expect(view.rows[2][1]).toMatchObject({ ref: "B3", kind: "data", text: "50.0%", numeric: true });
    expect(view.rows[4][1]).toMatchObject({ kind: "input", label: "Export cut", text: "0.5" });
    expect(view.rows[5][1]).toMatchObject({ kind: "input", label: "Elasticity" });
    expect(view.rows[3].every((c) => c.text === "")).toBe(true);
    expect(view.hiddenRows).toBe(0);
    expect(buildSheetView(wb, "Scenario", 2).hiddenRows).toBe(4);
  });

  it("derives an input's label from the left, then above, then its address", async () => {
    const wb = new PreviewWorkbook();
    await wb.writeValues("Sheet1", { row: 0, col: 0 }, [
      ["", "Above", ""],
      ["", null, null],
    ]);
    const s = wb.sheet("Sheet1");
    expect(inputLabel(s, 1, 1)).toBe("Above");
    expect(inputLabel(s, 1, 2)).toBe("Input C2");
    expect(inputLabel(s, 0, 0)).toBe("Input A1");
  });

  it("shows an error's message as the cell's title", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator() });
    await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [['=ERR("Tb has no sourced price")']]);
    expect(buildSheetView(wb, "Sheet1").rows[0][0]).toMatchObject({
      text: "#VALUE!",
      title: "Tb has no sourced price",
      numeric: false,
    });
  });

  it("reads chart series from the data block and describes them in words", async () => {
    const wb = await scenarioWorkbook();
    const chart = buildSheetView(wb, "Scenario").charts[0];
    expect(chart).toEqual({
      name: "Chart 1",
      title: "Supply gap",
      type: "column",
      categories: ["Neodymium", "Dysprosium"],
      series: [{ name: "Gap", values: [0.25, 0.5] }],
      valueFormat: "General",
      legend: false, // one series: the title names it
      omitted: [],
    });
    expect(describeChart(chart)).toBe("Gap: Neodymium 0.25, Dysprosium 0.5");
    expect(describeChart({ ...chart, categories: [] })).toBe("No data.");
  });
});

describe("chart geometry", () => {
  const box = { width: 200, height: 120, padding: 10 };
  const view = { name: "c", title: "t", categories: ["a", "b", "c"], series: [{ name: "s", values: [10, -5, null] }] };

  it("columns rise from the zero line, negative ones hang below it", () => {
    const { bars, axis } = chartShapes({ ...view, type: "column" }, box);
    expect(bars).toHaveLength(2);
    const [up, down] = bars;
    expect(up.y + up.height).toBeCloseTo(axis.y1, 1);
    expect(down.y).toBeCloseTo(axis.y1, 1);
    expect(up.height).toBeCloseTo(2 * down.height, 1);
    expect(up.y).toBeCloseTo(box.padding, 1);
  });

  it("bars grow sideways from zero", () => {
    const { bars, axis } = chartShapes({ ...view, type: "bar" }, box);
    expect(bars[0].x).toBeCloseTo(axis.x1, 1);
    expect(bars[1].x + bars[1].width).toBeCloseTo(axis.x1, 1);
  });

  it("lines break where a value is missing", () => {
    const { lines } = chartShapes({ ...view, type: "line", series: [{ name: "s", values: [1, null, 3] }] }, box);
    expect(lines[0].segments).toHaveLength(2);
  });
});

describe("renderPreview (mini DOM)", () => {
  it("draws one captioned table per sheet, headers as th scope=col, inputs labelled, text only", async () => {
    const wb = await scenarioWorkbook();
    const root = container();
    renderPreview(wb, root);
    const tables = root.byTag("table");
    expect(tables).toHaveLength(1);
    expect(tables[0].byTag("caption")[0].textContent).toBe("Scenario");
    const ths = root.byTag("th").filter((th) => th.getAttribute("class") !== "rare-heading");
    expect(ths.map((th) => [th.textContent, th.getAttribute("scope")])).toEqual([
      ["Element", "col"],
      ["Gap", "col"],
    ]);
    expect(cell(root, "B3").textContent).toBe("50.0%");
    expect(cell(root, "A6").textContent).toBe(HOSTILE); // as text, nothing parsed
    expect(root.findAll((e) => e.tagName === "img")).toEqual([]);
    const inputs = root.byTag("input").filter((i) => i.hasAttribute("data-cell"));
    expect(inputs.map((i) => [i.getAttribute("aria-label"), i.value])).toEqual([
      ["Export cut", "0.5"],
      ["Elasticity", ""],
    ]);
    expect(root.byTag("section")[0].hasAttribute("data-active")).toBe(true);
  });

  it("draws charts as SVG images with a title and a description", async () => {
    const root = container();
    renderPreview(await scenarioWorkbook(), root);
    const svg = root.byTag("svg")[0];
    expect(svg.getAttribute("role")).toBe("img");
    const [titleId, descId] = svg.getAttribute("aria-labelledby")!.split(" ");
    expect(svg.findAll((e) => e.getAttribute("id") === titleId)[0].textContent).toBe("Supply gap");
    expect(svg.findAll((e) => e.getAttribute("id") === descId)[0].textContent).toBe(
      "Gap: Neodymium 0.25, Dysprosium 0.5",
    );
    expect(svg.byTag("rect")).toHaveLength(2);
  });

  it("editing an input writes it, recalculates, and updates dependants in place", async () => {
    const wb = await scenarioWorkbook();
    await wb.writeFormulas("Scenario", { row: 4, col: 2 }, [["=B5*2"]]);
    const root = container();
    renderPreview(wb, root);
    const input = root.byTag("input").filter((i) => i.hasAttribute("data-cell"))[0];
    const dependant = cell(root, "C5");
    expect(dependant.textContent).toBe("1");
    input.focus();
    input.value = "40%";
    input.dispatch("change");
    expect(wb.sheet("Scenario").value(4, 1)).toBe(0.4);
    expect(cell(root, "C5")).toBe(dependant); // same element: updated, not rebuilt
    expect(dependant.textContent).toBe("0.8");
    expect(input.value).toBe("40%"); // the focused input keeps what the user typed
  });

  it("rebuilds on structural changes, keeping focus on the same input; stops after dispose", async () => {
    const wb = await scenarioWorkbook();
    const root = container();
    const handle = renderPreview(wb, root);
    root
      .byTag("input")
      .filter((i) => i.hasAttribute("data-cell"))[1]
      .focus();
    await wb.addSheet("Import");
    expect(root.byTag("caption").map((c) => c.textContent)).toEqual(["Scenario", "Import"]);
    const focused = root.ownerDocument.activeElement as unknown as MiniElement;
    expect(focused.getAttribute("aria-label")).toBe("Elasticity");
    expect(root.byTag("input")).toContain(focused);
    handle.dispose();
    await wb.addSheet("Later");
    expect(root.byTag("caption")).toHaveLength(2);
    handle.refresh();
    expect(root.byTag("caption")).toHaveLength(3);
  });

  it("shows at most maxRows rows and says how many are hidden", async () => {
    const wb = new PreviewWorkbook();
    await wb.writeValues(
      "Sheet1",
      { row: 0, col: 0 },
      Array.from({ length: 30 }, (_, i) => [i]),
    );
    const root = container();
    renderPreview(wb, root, { maxRows: 10 });
    expect(root.byTag("tbody")[0].byTag("tr")).toHaveLength(10);
    expect(root.byTag("p").find((p) => p.getAttribute("class") === "rare-preview-more")?.textContent).toBe(
      "20 more rows are not shown in the preview.",
    );
  });
});
