/**
 * The same seed gives the same numbers in Excel and in the preview: the simulation runs in the
 * pane (src/model/simulation.ts, 32-bit integer PRNG), whatever the host, and writes values.
 * Here one seeded run is written through both hosts of the Workbook port (hosts/excel.ts over
 * the Office.js fake, and the preview) and read back cell by cell; the pane's chunking does not
 * change a number, and the generator's integer steps match an independent BigInt reference.
 */
import { simulate } from "../../../src/model/simulation";
import { prng } from "../../../src/model/prng";
import { buildSimulationSheet, SIMULATION_SHEET } from "../../../src/scenario/simulation-layout";
import { writeComparisonSheet } from "../../../src/scenario/compare-writer";
import { createExcelWorkbook } from "../../../taskpane/hosts/excel";
import { fakeExcel } from "../../support/fake-excel";
import { rarePreview } from "./support/rare-preview";
import { articleSimulationInput } from "../model/support/simulation-input";
import type { Workbook } from "../../../src/workbook/workbook";

async function written(wb: Workbook): Promise<unknown[][]> {
  const plan = buildSimulationSheet(
    articleSimulationInput,
    await simulate(articleSimulationInput, { chunk: 20_000 }),
    "2026-12-01+test",
  );
  await writeComparisonSheet(wb, plan, { mode: "create", kind: "simulation" });
  const { row, col, rows, cols } = plan.extent;
  return (await wb.readRange(SIMULATION_SHEET, { row: row - 1, col: col - 1, rows, cols })).values;
}

/** mulberry32 written with BigInt, modulo 2^32 at every step, as its published definition does. */
function mulberry32Reference(seed: number, count: number): number[] {
  const M = 2n ** 32n;
  const mul = (a: bigint, b: bigint) => (a * b) % M;
  let state = BigInt(seed >>> 0);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5n) % M;
    let t = state;
    t = mul(t ^ (t >> 15n), t | 1n);
    t = (t ^ (t + mul(t ^ (t >> 7n), t | 61n))) % M;
    out.push(Number((t ^ (t >> 14n)) % M) / 4294967296);
  }
  return out;
}

describe("the seeded simulation in both hosts", () => {
  it("writes the same values cell for cell in Excel and in the preview", async () => {
    const fake = fakeExcel(["Sheet1"]);
    const excel = await written(createExcelWorkbook({ excel: fake.excel, isSetSupported: () => true }));
    const preview = await written(rarePreview());
    expect(excel).toEqual(preview);
    const flat = excel.flat();
    expect(flat).toContain(42);
    expect(flat.filter((v) => typeof v === "number").length).toBeGreaterThan(30);
  });

  it("gives the same result whatever the chunk size the pane runs it in", async () => {
    const whole = await simulate(articleSimulationInput, { chunk: 1_000_000 });
    expect(await simulate(articleSimulationInput, { chunk: 997 })).toEqual(whole);
  });

  it("draws the numbers an independent 32-bit reference of the generator gives", () => {
    const next = prng(42);
    const ours = Array.from({ length: 1000 }, () => next());
    expect(ours).toEqual(mulberry32Reference(42, 1000));
  });
});
