/**
 * Audit RARE figures and What changed on the preview with the real RARE functions: one row
 * per RARE formula cell with the citation RARE.SOURCE gives for what the cell asks; a
 * rewrite replaces the sheet; the record notices a change of data and lists exactly the
 * cells whose value moved.
 */
import { bundled } from "../../../src/data/bundled";
import { RareData } from "../../../src/data/rare-data";
import { mergeOverrides } from "../../../src/data/overrides";
import { AUDIT_HEADERS, auditWorkbook } from "../../../src/travel/audit";
import { recordRefresh, reasonFor } from "../../../src/travel/refresh-record";
import { AUDIT_SHEET, RECORD_SHEET } from "../../../src/travel/sheets";
import type { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { articleElement } from "../../support/seed-facts";
import { rarePreview } from "../scenario/support/rare-preview";

async function model(): Promise<PreviewWorkbook> {
  const wb = rarePreview(["Model"]);
  await wb.writeValues("Model", { row: 0, col: 0 }, [["Neodymium", 0.5]]);
  await wb.writeFormulas("Model", { row: 1, col: 0 }, [
    ["=RARE.SHARE(A1)", "=RARE.GAP(A1,B1)"],
    ['=RARE.PRODUCTION("China",2024)', '=RARE.SHARE("Nd")*2+RARE.SHARE("Dy")'],
  ]);
  return wb;
}

const cite = (k: string, key: string, f: string | number | null) => bundled.source(k, key, f);

it("writes one row per RARE formula cell with its citation, edition and version", async () => {
  const wb = await model();
  const outcome = await auditWorkbook(wb, { cite, datasetVersion: "v1" });
  expect(outcome).toEqual({ sheet: AUDIT_SHEET, rows: 4, unattributed: 1, problems: [] });
  const used = (await wb.usedRect(AUDIT_SHEET))!;
  const { values } = await wb.readRange(AUDIT_SHEET, used);
  expect(values[0]).toEqual(AUDIT_HEADERS);
  const col = (name: string) => AUDIT_HEADERS.indexOf(name);
  const rows = values.slice(1);
  expect(rows.map((r) => r[col("Address")])).toEqual(["A2", "B2", "A3", "B3"]);
  expect(rows[0][col("Value")]).toBe(articleElement("Neodymium").share);
  expect(rows[0][col("Citation")]).toBe(bundled.source("share", "Neodymium", null));
  expect(rows[0][col("Cite with")]).toBe('RARE.SOURCE("share","Neodymium")');
  expect(rows[1][col("Citation")]).toMatch(/Note: the cut and mitigation are assumptions/);
  expect(rows[2][col("Edition")]).toBe("MCS2026"); // the newest edition that gives 2024
  expect(rows[2][col("Cite with")]).toBe('RARE.SOURCE("production","China",2024)');
  expect(rows[3][col("Citation")]).toMatch(/^Not attributable to one source: the formula combines 2 RARE calls/);
  expect(rows[3][col("RARE calls")]).toBe(
    'RARE.SHARE("Nd") → RARE.SOURCE("share","Nd"); RARE.SHARE("Dy") → RARE.SOURCE("share","Dy")',
  );
  for (const r of rows) expect(r[col("Dataset version")]).toBe("v1");
  expect(wb.tablesOn(AUDIT_SHEET)).toHaveLength(1);

  // Rewriting replaces the sheet: one audit sheet, one table, the new rows.
  await wb.writeFormulas("Model", { row: 3, col: 0 }, [['=RARE.USE("Dy")']]);
  expect((await auditWorkbook(wb, { cite, datasetVersion: "v2" })).rows).toBe(5);
  expect(wb.sheetNames().filter((s) => s.startsWith(AUDIT_SHEET))).toEqual([AUDIT_SHEET]);
  expect(wb.tablesOn(AUDIT_SHEET)).toHaveLength(1);
});

it("a cancelled audit leaves the previous audit sheet as it was", async () => {
  const wb = await model();
  await auditWorkbook(wb, { cite, datasetVersion: "v1" });
  const before = await wb.readRange(AUDIT_SHEET, (await wb.usedRect(AUDIT_SHEET))!);
  const controller = new AbortController();
  await expect(
    auditWorkbook(
      wb,
      { cite, datasetVersion: "v2" },
      { signal: controller.signal, onProgress: (p) => p.step.startsWith("Writing") || controller.abort() },
    ),
  ).rejects.toThrow(/cancelled/i);
  expect(wb.sheetNames()).toEqual(["Model", AUDIT_SHEET]);
  expect(await wb.readRange(AUDIT_SHEET, (await wb.usedRect(AUDIT_SHEET))!)).toEqual(before);
});

it("records the values, and on a change of data lists exactly the cells that moved", async () => {
  const wb = await model();
  const first = await recordRefresh(wb, { version: "v1", overrides: "" });
  expect(first).toEqual({ recorded: 4, capped: false, report: null });
  expect((await wb.listSheetInfo()).find((s) => s.name === RECORD_SHEET)?.visibility).toBe("veryHidden");

  const same = await recordRefresh(wb, { version: "v1", overrides: "" });
  expect(same.report).toBeNull();

  // An override of neodymium's share: the functions answer from it, as the pane's controller does.
  const { dataset } = mergeOverrides(bundled.dataset, {
    source: "workbook import: shares.csv",
    shares: [{ element: "Neodymium", share: 0.5 }],
  });
  const runtime = (globalThis as { RareRuntime?: { useQueries(q: RareData | null): void } }).RareRuntime;
  runtime?.useQueries(new RareData(dataset));
  try {
    await wb.recalculate(true);
    const changed = await recordRefresh(wb, { version: "v1", overrides: "abc" });
    const nd = articleElement("Neodymium").share;
    expect(changed.report?.changes.map((c) => [c.address, c.old, c.now, c.reason])).toEqual([
      ["A2", nd, 0.5, "workbook override"],
      ["B2", nd * 0.5, 0.25, "workbook override"],
      [
        "B3",
        nd * 2 + articleElement("Dysprosium").share,
        0.5 * 2 + articleElement("Dysprosium").share,
        "workbook override",
      ],
    ]);
  } finally {
    runtime?.useQueries(null);
  }
});

it("gives the version change as the reason when no change log entry applies", () => {
  expect(reasonFor(["share Neodymium"], { version: "a", overrides: "" }, { version: "b", overrides: "" })).toBe(
    "dataset version a → b",
  );
  expect(
    reasonFor(
      ["share Neodymium"],
      { version: "a", overrides: "x" },
      { version: "b", overrides: "" },
      () => "MCS2026 revised 2024",
    ),
  ).toBe("MCS2026 revised 2024; workbook override cleared");
});
