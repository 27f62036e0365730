/** The analysis the pane shows before importing, and handing its columns to the import. */
import { analyse, analyseAsync, Analysis, CsvRefusal, importCsvSync, isRefusal, PREVIEW_ROWS } from "../../../src/csv";
import { column } from "./support";

function ok(r: Analysis | CsvRefusal): Analysis {
  if (isRefusal(r)) throw new Error(r.message);
  return r;
}

describe("analyse", () => {
  // Numbers for 5,000 rows, then a code: only a full scan knows the column is text.
  const text =
    "id,code,pct\n" + Array.from({ length: 5000 }, (_, i) => `${i},${i},${i % 100}%`).join("\n") + "\n5000,A-1,5%\n";

  it("detects types from every row and previews the first 20, typed", () => {
    const a = ok(analyse(text));
    expect(a.rowCount).toBe(5001);
    expect(a.columns.map((c) => [c.name, c.type, c.numberFormat])).toEqual([
      ["id", "number", "General"],
      ["code", "text", "@"],
      ["pct", "percent", "0%"],
    ]);
    expect(a.previewRows).toHaveLength(PREVIEW_ROWS);
    expect(a.previewRows[3]).toEqual([3, "3", 0.03]);
    expect(a.previewText[3]).toEqual(["3", "3", "3%"]);
  });

  it("its columns can be handed to the import as is, so the import needs no sample", () => {
    const a = ok(analyse(text));
    const sampled = importCsvSync(text);
    const planned = importCsvSync(text, { columns: a.columns });
    if (isRefusal(sampled) || isRefusal(planned)) throw new Error("refused");
    // Sampling the first 1,000 rows guessed numbers and had to keep the code as text...
    expect(sampled.columns[1]).toMatchObject({ type: "number", textCount: 1 });
    expect(column(sampled, "code")[5000]).toBe("A-1");
    // ...the full analysis knew better.
    expect(planned.columns[1]).toMatchObject({ type: "text", textCount: 0 });
    expect(column(planned, "code").slice(0, 2)).toEqual(["0", "1"]);
    expect(planned.textCells).toEqual([]);
  });

  it("runs in slices with progress, and reports the same as the sync analysis", async () => {
    let calls = 0;
    const a = ok(await analyseAsync(text, {}, { sliceMs: 0, onProgress: () => calls++ }));
    expect(calls).toBeGreaterThan(1);
    const { warnings, columns, rowCount } = ok(analyse(text));
    expect([a.warnings, a.columns, a.rowCount]).toEqual([warnings, columns, rowCount]);
  });

  it("refuses what the import would refuse", async () => {
    expect(analyse('a\n"x\n')).toMatchObject({ code: "unclosedQuote", row: 2 });
    const aborted = new AbortController();
    aborted.abort();
    expect(await analyseAsync("a\n1\n", {}, { signal: aborted.signal })).toMatchObject({ code: "cancelled" });
  });

  it("shows user choices next to what was detected", () => {
    const a = ok(analyse("n,d\n1,01/02/2024\n", { columns: ["text"] }));
    expect(a.columns.map((c) => [c.type, c.detectedType])).toEqual([
      ["text", "number"],
      ["date", "date"],
    ]);
    expect(a.columns[1]).toMatchObject({ dateOrder: "mdy", dateOrderAmbiguous: true });
    expect(a.warnings.map((w) => w.code)).toEqual(["ambiguousDates"]);
    expect(a.previewRows).toEqual([["1", 45293]]);
  });
});
