import { PreviewWorkbook, parseTyped } from "../../../../taskpane/hosts/preview";
import { typedEntry } from "../../../../taskpane/hosts/preview-sheet";
import { isWorkbookError } from "../../../../src/workbook/errors";
import { tinyEvaluator } from "../../../support/tiny-evaluator";

describe("PreviewWorkbook: batches", () => {
  it("applies queued writes only at sync, in order", async () => {
    const wb = new PreviewWorkbook();
    await wb.run(async (batch) => {
      batch.writeValues("Sheet1", { row: 0, col: 0 }, [["a", 1]]);
      expect(wb.sheet("Sheet1").value(0, 0)).toBeNull();
      await batch.sync();
      expect(wb.sheet("Sheet1").value(0, 0)).toBe("a");
      batch.writeValues("Sheet1", { row: 0, col: 0 }, [["b", null]]);
      batch.writeValues("Sheet1", { row: 0, col: 0 }, [["c", null]]);
    });
    expect(wb.sheet("Sheet1").value(0, 0)).toBe("c");
    expect(wb.sheet("Sheet1").value(0, 1)).toBe(1); // null left it unchanged
  });

  it("a failing operation fails its sync; operations before it stay applied, after it do not", async () => {
    const wb = new PreviewWorkbook();
    const error = await wb
      .run(async (batch) => {
        batch.addSheet("New");
        batch.addSheet("sheet1");
        batch.addSheet("Never");
      })
      .catch((e) => e);
    expect(isWorkbookError(error, "sheetExists")).toBe(true);
    expect(await wb.listSheets()).toEqual(["Sheet1", "New"]);
  });

  it("drops what was queued when the callback throws", async () => {
    const wb = new PreviewWorkbook();
    await expect(
      wb.run(async (batch) => {
        batch.addSheet("Lost");
        throw new Error("view failed");
      }),
    ).rejects.toThrow("view failed");
    expect(await wb.hasSheet("Lost")).toBe(false);
  });

  it("refuses ragged arrays when queued and a pending value read too early", async () => {
    const wb = new PreviewWorkbook();
    await wb.run(async (batch) => {
      expect(() => batch.writeValues("Sheet1", { row: 0, col: 0 }, [["a", "b"], ["c"]])).toThrow(/ragged/);
      const name = batch.addTable("Sheet1", { row: 0, col: 0, rows: 1, cols: 1 }, { hasHeaders: true });
      expect(() => name.value).toThrow(/only after the next sync/);
      await batch.sync();
      expect(name.value).toBe("Table1");
    });
  });
});

describe("PreviewWorkbook: Excel's reading of written strings", () => {
  it.each([
    ["=1+1", { formula: "=1+1" }],
    ["-A1", { formula: "=-A1" }],
    ["+A1", { formula: "=+A1" }],
    ["@SUM(A1)", { formula: "=SUM(A1)" }],
    ["00123", { value: 123 }],
    ["-5", { value: -5 }],
    ["1e3", { value: 1000 }],
    ["TRUE", { value: true }],
    ["-", { value: "-" }],
    ["Neodymium", { value: "Neodymium" }],
  ])("%j typed into a General cell is %j", (text, expected) => {
    expect(typedEntry(text)).toEqual(expected);
  });

  it("stores strings as written in '@' cells, formulas elsewhere, and '' clears", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator() });
    await wb.setNumberFormat("Sheet1", { row: 0, col: 0, rows: 1, cols: 1 }, "@");
    await wb.writeValues("Sheet1", { row: 0, col: 0 }, [["=cmd|' /C calc'!A0", "=2*3", "00123"]]);
    const s = wb.sheet("Sheet1");
    expect([s.value(0, 0), s.formula(0, 0)]).toEqual(["=cmd|' /C calc'!A0", undefined]);
    expect([s.value(0, 1), s.formula(0, 1)]).toEqual([6, "=2*3"]);
    expect(s.value(0, 2)).toBe(123);
    await wb.writeValues("Sheet1", { row: 0, col: 1 }, [[""]]);
    expect([s.value(0, 1), s.formula(0, 1)]).toEqual([null, undefined]);
  });
});

describe("PreviewWorkbook: formulas", () => {
  it("computes formulas after writes, passing over the sheets until stable", async () => {
    const calls: string[] = [];
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator(calls) });
    // C1 depends on B1, which depends on A1: written in reverse order.
    await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [["=B1*2", "=C1*2", "5"]]);
    const s = wb.sheet("Sheet1");
    expect([s.value(0, 0), s.value(0, 1), s.value(0, 2)]).toEqual([20, 10, 5]);
    expect(wb.recalculateNow()).toEqual({ passes: 1, stable: true });
    await wb.writeValues("Sheet1", { row: 0, col: 2 }, [[1]]);
    expect(s.value(0, 0)).toBe(4);
  });

  it("gives up on a circular reference after maxPasses", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator(), maxPasses: 5 });
    await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [["=B1+1", "=A1+1"]]);
    expect(wb.recalculateNow()).toEqual({ passes: 5, stable: false });
  });

  it("reads other sheets and defined names; unknown sheets are #REF!", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator(), sheets: ["Inputs", "Model"] });
    await wb.writeValues("Inputs", { row: 0, col: 0 }, [[0.25]]);
    await wb.addNamedRange("RARE_Cut", "Inputs", { row: 0, col: 0, rows: 1, cols: 1 });
    await wb.writeFormulas("Model", { row: 0, col: 0 }, [["=RARE_Cut", "=Inputs!A1*4", "=Nowhere!A1", "=SUM(A1:B1)"]]);
    const s = wb.sheet("Model");
    expect([s.value(0, 0), s.value(0, 1), s.value(0, 3)]).toEqual([0.25, 1, 1.25]);
    expect(s.value(0, 2)).toEqual({ error: "#REF!", message: "No such sheet." });
  });

  it("shows #VALUE! with the message when the evaluator throws, #NAME? without an evaluator", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator() });
    await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [['=ERR("no sourced figure")']]);
    expect(wb.sheet("Sheet1").value(0, 0)).toEqual({ error: "#VALUE!", message: "no sourced figure" });
    const bare = new PreviewWorkbook();
    await bare.writeFormulas("Sheet1", { row: 0, col: 0 }, [["=1+1"]]);
    expect(bare.sheet("Sheet1").value(0, 0)).toMatchObject({ error: "#NAME?" });
    const read = await bare.readRange("Sheet1", "A1");
    expect(read).toEqual({ values: [["#NAME?"]], formulas: [["=1+1"]], numberFormats: [["General"]] });
  });

  it("defers recalculation while updates are suspended, recalculates on resume", async () => {
    const calls: string[] = [];
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator(calls) });
    await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [["=B1*2", "1"]]);
    await wb.suspendUpdates();
    await wb.suspendUpdates();
    calls.length = 0;
    await wb.writeValues("Sheet1", { row: 0, col: 1 }, [[3]]);
    expect(calls).toEqual([]);
    await wb.resumeUpdates();
    expect(wb.updatesSuspended).toBe(true);
    await wb.resumeUpdates();
    expect(wb.updatesSuspended).toBe(false);
    expect(wb.sheet("Sheet1").value(0, 0)).toBe(6);
    await wb.resumeUpdates(); // unbalanced resume is harmless
  });

  it("recalculate() recomputes and notifies", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator() });
    const changes: boolean[] = [];
    const stop = wb.subscribe((c) => changes.push(c.structural));
    await wb.recalculate(true);
    stop();
    await wb.recalculate(false);
    expect(changes).toEqual([false]);
  });
});

describe("PreviewWorkbook: sheets, tables, names, charts", () => {
  it("names tables Table1, Table2 …, refuses clashes and overlaps, makes headers unique text", async () => {
    const wb = new PreviewWorkbook();
    await wb.writeValues("Sheet1", { row: 0, col: 0 }, [["Year", "Year", "", 2024]]);
    expect(await wb.addTable("Sheet1", { row: 0, col: 0, rows: 2, cols: 4 }, { hasHeaders: true })).toBe("Table1");
    const s = wb.sheet("Sheet1");
    expect([0, 1, 2, 3].map((c) => s.value(0, c))).toEqual(["Year", "Year2", "Column3", "2024"]);
    await expect(wb.addTable("Sheet1", { row: 1, col: 1, rows: 2, cols: 2 }, { hasHeaders: false })).rejects.toThrow(
      /overlaps table "Table1"/,
    );
    await wb.addNamedRange("Table2", "Sheet1", { row: 9, col: 0, rows: 1, cols: 1 });
    expect(await wb.addTable("Sheet1", { row: 5, col: 0, rows: 2, cols: 1 }, { hasHeaders: false })).toBe("Table3");
    await expect(
      wb.addTable("Sheet1", { row: 20, col: 0, rows: 1, cols: 1 }, { hasHeaders: true, name: "table1" }),
    ).rejects.toMatchObject({ code: "nameExists" });
    await expect(wb.addNamedRange("R1C1", "Sheet1", { row: 0, col: 0, rows: 1, cols: 1 })).rejects.toThrow(
      /cell reference/,
    );
  });

  it("deleting a sheet removes its tables and charts, leaves its names broken (#REF!) as Excel does; the last sheet stays", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator(), sheets: ["Keep", "Go"] });
    await wb.run(async (b) => {
      b.writeValues("Go", { row: 0, col: 0 }, [
        ["x", "y"],
        ["a", 1],
      ]);
      b.addTable("Go", { row: 0, col: 0, rows: 2, cols: 2 }, { hasHeaders: true });
      b.addNamedRange("GoName", "Go", { row: 0, col: 0, rows: 1, cols: 1 });
      b.addChart("Go", {
        type: "column",
        title: "T",
        dataRect: { row: 0, col: 0, rows: 2, cols: 2 },
        position: { row: 3, col: 0 },
      });
      b.activateSheet("Go");
    });
    expect(wb.activeSheet).toBe("Go");
    await wb.writeFormulas("Keep", { row: 0, col: 0 }, [["=GoName"]]);
    expect(wb.sheet("Keep").value(0, 0)).toBe("x");
    await wb.deleteSheet("go");
    expect(await wb.listSheets()).toEqual(["Keep"]);
    expect([wb.tablesOn("Go"), wb.chartsOn("Go")]).toEqual([[], []]);
    expect(await wb.listNames()).toEqual([{ name: "GoName", broken: true }]);
    expect(wb.sheet("Keep").value(0, 0)).toMatchObject({ error: "#REF!" });
    // A new sheet of the same name does not revive the name, and the name cannot be added again.
    await wb.addSheet("Go");
    await wb.writeValues("Go", { row: 0, col: 0 }, [["new"]]);
    expect(wb.sheet("Keep").value(0, 0)).toMatchObject({ error: "#REF!" });
    await expect(wb.addNamedRange("GONAME", "Go", { row: 0, col: 0, rows: 1, cols: 1 })).rejects.toMatchObject({
      code: "nameExists",
    });
    await wb.deleteSheet("Go");
    expect(wb.activeSheet).toBe("Keep");
    await expect(wb.deleteSheet("Keep")).rejects.toThrow(/at least one sheet/);
    await expect(wb.deleteSheet("Nope")).rejects.toMatchObject({ code: "sheetMissing" });
    await expect(wb.addSheet("His/tory")).rejects.toThrow(/cannot contain/);
  });

  it("survives serialise → deserialise: cells, formats, formulas, inputs, tables, charts, add-in data", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator(), sheets: ["Scenario"] });
    await wb.run(async (b) => {
      b.writeValues("Scenario", { row: 0, col: 0 }, [
        ["Cut", 0.5],
        ["Gap", null],
      ]);
      b.writeFormulas("Scenario", { row: 1, col: 1 }, [["=B1*2"]]);
      b.setNumberFormat("Scenario", { row: 0, col: 1, rows: 2, cols: 1 }, "0%");
      b.markInput("Scenario", { row: 0, col: 1 }, "Export cut");
      b.addTable("Scenario", { row: 0, col: 0, rows: 2, cols: 2 }, { hasHeaders: false, name: "Assumptions" });
      b.addChart("Scenario", {
        type: "line",
        title: "Gap",
        dataRect: { row: 0, col: 0, rows: 2, cols: 2 },
        position: { row: 4, col: 0 },
      });
    });
    await wb.setAddinData("rare.scenario", '{"version":1}');

    const reopened = PreviewWorkbook.deserialise(wb.serialise(), { evaluator: tinyEvaluator() });
    expect(await reopened.getAddinData("rare.scenario")).toBe('{"version":1}');
    expect(await reopened.getAddinData("missing")).toBeNull();
    expect(await reopened.readRange("Scenario", { row: 0, col: 0, rows: 2, cols: 2 })).toEqual({
      values: [
        ["Cut", 0.5],
        ["Gap", 1],
      ],
      formulas: [
        ["Cut", 0.5],
        ["Gap", "=B1*2"],
      ],
      numberFormats: [
        ["General", "0%"],
        ["General", "0%"],
      ],
    });
    const s = reopened.sheet("Scenario");
    expect([s.isInput(0, 1), s.inputLabel(0, 1)]).toEqual([true, "Export cut"]);
    expect(reopened.tablesOn("Scenario").map((t) => t.name)).toEqual(["Assumptions"]);
    expect(reopened.chartsOn("Scenario")[0].spec.title).toBe("Gap");
    reopened.editCell("Scenario", 0, 1, "25%");
    expect(s.value(1, 1)).toBe(0.5);
    expect(() => PreviewWorkbook.deserialise('{"format":"other"}')).toThrow(/not a saved RARE preview workbook/);
  });
});

describe("PreviewWorkbook: clearing and deleting", () => {
  const block = { row: 0, col: 0, rows: 2, cols: 2 };

  it("clearRange empties values, formulas, formats and input marks in the block; the sheet shrinks", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator() });
    await wb.run(async (b) => {
      b.writeValues("Sheet1", { row: 0, col: 0 }, [
        ["a", 1, "keep"],
        [null, 2, null],
        [null, null, null],
        ["x", null, null],
      ]);
      b.writeFormulas("Sheet1", { row: 1, col: 0 }, [["=B2*2"]]);
      b.setNumberFormat("Sheet1", { row: 0, col: 0, rows: 4, cols: 2 }, "0.0%");
      b.markInput("Sheet1", { row: 0, col: 1 }, "Cut");
    });
    const changes: boolean[] = [];
    wb.subscribe((c) => changes.push(c.structural));
    await wb.clearRange("Sheet1", { row: 0, col: 0, rows: 4, cols: 2 });
    const s = wb.sheet("Sheet1");
    expect(await wb.readRange("Sheet1", { row: 0, col: 0, rows: 2, cols: 3 })).toEqual({
      values: [
        ["", "", "keep"],
        ["", "", ""],
      ],
      formulas: [
        ["", "", "keep"],
        ["", "", ""],
      ],
      numberFormats: [
        ["General", "General", "General"],
        ["General", "General", "General"],
      ],
    });
    expect([s.isInput(0, 1), s.formula(1, 0), s.rowCount, s.colCount]).toEqual([false, undefined, 1, 3]);
    expect(changes).toEqual([true]);
    // A whole-column block costs what the sheet holds, not a million rows.
    await wb.clearRange("Sheet1", { row: 0, col: 2, rows: 1_048_576, cols: 1 });
    expect([s.rowCount, s.colCount]).toEqual([0, 0]);
  });

  it("deleteNamedRange removes a name, broken or not, and ignores a missing one", async () => {
    const wb = new PreviewWorkbook({ sheets: ["Keep", "Go"] });
    await wb.addNamedRange("Live", "Keep", block);
    await wb.addNamedRange("Stale", "Go", block);
    await wb.deleteSheet("Go");
    await wb.run(async (b) => {
      b.deleteNamedRange("stale");
      b.deleteNamedRange("Nowhere");
      b.addNamedRange("Stale", "Keep", block); // deleted first: the batch keeps its order
    });
    expect(await wb.listNames()).toEqual([
      { name: "Live", broken: false },
      { name: "Stale", broken: false },
    ]);
  });

  it("deleteTable removes the table and keeps its cells, as Excel's convertToRange; a missing one is ignored", async () => {
    const wb = new PreviewWorkbook();
    await wb.writeValues("Sheet1", { row: 0, col: 0 }, [
      ["Element", "Share"],
      ["Nd", 0.8],
    ]);
    await wb.addTable("Sheet1", block, { hasHeaders: true, name: "T" });
    await wb.deleteTable("t");
    await wb.deleteTable("t");
    expect(wb.tablesOn("Sheet1")).toEqual([]);
    expect(wb.sheet("Sheet1").value(1, 0)).toBe("Nd");
    expect(await wb.addTable("Sheet1", block, { hasHeaders: true, name: "T" })).toBe("T"); // the name is free again
  });

  it("names charts (Chart 1, … when not given) and deletes one by name from its sheet", async () => {
    const wb = new PreviewWorkbook({ sheets: ["Sheet1", "Other"] });
    const spec = { type: "column" as const, title: "Gap", dataRect: block, position: { row: 5, col: 0 } };
    await wb.addChart("Sheet1", { ...spec, name: "RARE_Chart" });
    await wb.addChart("Other", { ...spec, name: "RARE_Chart" });
    await wb.addChart("Sheet1", spec);
    expect(wb.chartsOn("Sheet1").map((c) => c.name)).toEqual(["RARE_Chart", "Chart 1"]);
    await wb.deleteChart("Sheet1", "rare_chart");
    await wb.deleteChart("Sheet1", "RARE_Chart");
    expect(wb.chartsOn("Sheet1").map((c) => c.name)).toEqual(["Chart 1"]);
    expect(wb.chartsOn("Other").map((c) => c.name)).toEqual(["RARE_Chart"]);
    await expect(wb.deleteChart("Nope", "RARE_Chart")).rejects.toMatchObject({ code: "sheetMissing" });
  });
});

describe("PreviewWorkbook: editing input cells", () => {
  it.each([
    ["1,250", 1250],
    ["12.5%", 0.125],
    ["-3", -3],
    [" 0.4 ", 0.4],
    ["true", true],
    ["", null],
    ["=1+1", "=1+1"],
    ["1,25", "1,25"],
    ["Neodymium", "Neodymium"],
  ])("parses %j as %j", (text, value) => {
    expect(parseTyped(text)).toEqual(value);
  });

  it("writes the value (never a formula), recalculates, and notifies a value change", async () => {
    const wb = new PreviewWorkbook({ evaluator: tinyEvaluator() });
    await wb.writeFormulas("Sheet1", { row: 0, col: 0 }, [["0.5", "=A1*2"]]);
    const changes: boolean[] = [];
    wb.subscribe((c) => changes.push(c.structural));
    expect(wb.editCell("Sheet1", 0, 0, "=B1")).toBe("=B1");
    expect(wb.sheet("Sheet1").formula(0, 0)).toBeUndefined();
    wb.editCell("Sheet1", 0, 0, "30%");
    expect(wb.sheet("Sheet1").value(0, 1)).toBeCloseTo(0.6, 12);
    expect(changes).toEqual([false, false]);
  });
});
