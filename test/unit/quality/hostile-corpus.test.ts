/**
 * Every case of the hostile corpus (test/support/hostile-corpus.ts) goes the whole way a
 * user's file goes: analysis, import, the writer, a new sheet of the in-memory preview
 * workbook. Each is either imported with its text intact and inert (no formula made from
 * text, every string cell formatted "@" and holding the literal text) or refused with a
 * message naming the problem, and in every case the workbook's existing content is untouched
 * and a refused or cancelled import leaves no sheet behind.
 */
import { readdirSync } from "fs";
import { basename } from "path";
import { analyseAsync, importCsv, importCsvSync, isRefusal, toImportData } from "../../../src/csv";
import { isWorkbookError } from "../../../src/workbook/errors";
import { ImportError, writeImport } from "../../../src/workbook/import-writer";
import { sheetNameProblem } from "../../../src/excel/naming-rules";
import { isFormulaLike } from "../../../src/excel/formula-lead";
import { TEXT_FORMAT } from "../../../src/excel/number-format";
import {
  HOSTILE_DIR,
  HOSTILE_FILE_NAMES,
  hostileCase,
  hostileCorpus,
  HostileCase,
  ImportedExpectation,
  RefusedExpectation,
} from "../../support/hostile-corpus";
import { spyWorkbook } from "../workbook/support/spy-workbook";
import { importIntoWorkbook } from "./support/import-flow";
import { EXISTING_SHEET, snapshot, textSafetyProblems, workbookWithData } from "./support/workbook-state";

// Generous: the large cases take a second or two alone, several times that on a busy CI machine.
jest.setTimeout(60_000);

const refusedCases = hostileCorpus.filter((c) => c.expected.outcome === "refused").map((c) => [c.name, c] as const);
const importedCases = hostileCorpus.filter((c) => c.expected.outcome === "imported").map((c) => [c.name, c] as const);

describe("the corpus", () => {
  it("covers the cases the quality gate asks for, each named once", () => {
    const names = hostileCorpus.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const required of [
      "owasp-injection",
      "html-payloads",
      "field-10mb",
      "columns-20000",
      "rows-1100000",
      "invalid-utf8",
      "utf16le-no-bom",
      "mixed-line-endings",
      "nul-byte",
    ]) {
      expect(names).toContain(required);
    }
  });

  it("keeps the committed fixtures byte-exact (no line-ending or encoding normalisation)", () => {
    const sizes = Object.fromEntries(hostileCorpus.filter((c) => c.file).map((c) => [c.name, c.bytes().length]));
    expect(sizes).toMatchObject({
      "mixed-line-endings": 53,
      "utf16le-no-bom": 94,
      "nul-byte": 22,
      "invalid-utf8": 49,
      empty: 0,
    });
    expect([...hostileCase("mixed-line-endings").bytes().slice(0, 5)]).toEqual([0x61, 0x2c, 0x62, 0x0d, 0x0a]);
  });

  it("uses every committed fixture (none is left without an expectation)", () => {
    const used = hostileCorpus.flatMap((c) => (c.file ? [basename(c.file)] : []));
    expect(
      readdirSync(HOSTILE_DIR)
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual(used.sort());
  });
});

describe.each(refusedCases)("refused: %s", (_name, c: HostileCase) => {
  const expected = c.expected as RefusedExpectation;

  it("is refused with a message naming the problem, and nothing is written", async () => {
    const bytes = c.bytes();
    const wb = await workbookWithData();
    const before = snapshot(wb);

    const flow = await importIntoWorkbook(wb, bytes, { fileName: c.fileName, csv: c.options });
    if (flow.stage === "written") throw new Error(`${c.name} was imported into "${flow.outcome.sheetName}"`);
    expect(flow.stage).toBe("analyse");
    const { refusal } = flow;
    expect(refusal.code).toBe(expected.code);
    expect(refusal.message).toMatch(expected.message);
    for (const key of ["row", "column", "line"] as const)
      if (expected[key] !== undefined) expect(refusal[key]).toBe(expected[key]);

    // The import refuses on its own too (a caller that skips the analysis is still safe);
    // small cases only: the large ones would double the test's time for the same code path.
    if (c.size === "small") {
      const direct = importCsvSync(bytes, c.options);
      expect(isRefusal(direct) && direct.code).toBe(expected.code);
    }

    expect(await wb.listSheets()).toEqual([EXISTING_SHEET]);
    expect(snapshot(wb)).toEqual(before);
  });
});

describe.each(importedCases)("imported: %s", (_name, c: HostileCase) => {
  const expected = c.expected as ImportedExpectation;

  it("lands in a new sheet as inert literal text; the existing sheet is untouched", async () => {
    const wb = await workbookWithData();
    const before = snapshot(wb);

    const flow = await importIntoWorkbook(wb, c.bytes(), { fileName: c.fileName, csv: c.options });
    if (flow.stage !== "written") throw new Error(`${c.name} was refused: ${flow.refusal.message}`);
    const { result, outcome } = flow;

    expect(result.encoding).toBe(expected.encoding);
    if (expected.note) expect(result.encodingNote).toMatch(expected.note);
    expect(result.headers).toEqual(expected.headers);
    expect(result.rowCount).toBe(expected.rows);
    for (const w of expected.warnings ?? [])
      expect(result.warnings.map((x) => x.message)).toContainEqual(expect.stringMatching(w));

    const sheet = outcome.sheetName;
    expect(await wb.listSheets()).toEqual([EXISTING_SHEET, sheet]);
    expect(outcome.rowsWritten).toBe(expected.rows);
    expect(wb.tablesOn(sheet)).toEqual([
      {
        name: outcome.tableName,
        sheet,
        rect: { row: 0, col: 0, rows: expected.rows + 1, cols: expected.headers.length },
        hasHeaders: true,
      },
    ]);

    // Every cell against what the parser produced: strings verbatim under "@", no formulas.
    const data = toImportData(result);
    expect(textSafetyProblems(wb, sheet, data.headers, data.rows)).toEqual([]);

    // And against the corpus, which does not trust the parser.
    const s = wb.sheet(sheet);
    for (const [row, col, value] of expected.cells) {
      expect([row, col, s.value(row, col)]).toEqual([row, col, value]);
      if (isFormulaLike(value)) expect([row, col, s.format(row, col)]).toEqual([row, col, TEXT_FORMAT]);
      expect(s.formula(row, col)).toBeUndefined();
    }

    expect(snapshot(wb, [sheet])).toEqual(before);
  });
});

describe("cancelled and failed imports leave no new sheet", () => {
  const flood = hostileCase("injection-flood");
  const bytes = flood.bytes();
  const options = flood.options;

  /** Progress calls an uncancelled analysis makes with sliceMs 0 (one per step of records, then one at the end). */
  async function analysisProgressCalls(): Promise<number> {
    let calls = 0;
    const a = await analyseAsync(bytes, options, { sliceMs: 0, onProgress: () => calls++ });
    expect(isRefusal(a)).toBe(false);
    return calls;
  }

  it.each(["analysis", "import"] as const)(
    "cancel during the %s: a 'cancelled' refusal, workbook unchanged",
    async (phase) => {
      const wb = await workbookWithData();
      const before = snapshot(wb);
      const controller = new AbortController();
      // The flow shares one control between analysis and import: abort on the first progress call of the phase.
      let calls = 0;
      const abortAt = phase === "analysis" ? 1 : (await analysisProgressCalls()) + 1;
      const flow = await importIntoWorkbook(wb, bytes, {
        fileName: flood.fileName,
        csv: options,
        control: { sliceMs: 0, signal: controller.signal, onProgress: () => ++calls >= abortAt && controller.abort() },
      });
      if (flow.stage === "written") throw new Error("the import was not cancelled");
      expect(flow.stage).toBe(phase === "analysis" ? "analyse" : "import");
      expect(flow.refusal).toEqual({ ok: false, code: "cancelled", message: "The import was cancelled." });
      expect(await wb.listSheets()).toEqual([EXISTING_SHEET]);
      expect(snapshot(wb)).toEqual(before);
    },
  );

  it("cancel while writing: the partly written sheet is removed, the rest unchanged", async () => {
    const wb = await workbookWithData();
    const before = snapshot(wb);
    const controller = new AbortController();
    const error = await importIntoWorkbook(wb, bytes, {
      fileName: flood.fileName,
      csv: options,
      write: {
        budgetBytes: 200_000,
        signal: controller.signal,
        onProgress: (p) => p.syncsDone === 2 && controller.abort(),
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: "importCancelled", restored: true });
    expect((error as Error).message).toMatch(
      /^Import cancelled after 2 of \d+ steps\. The partly written sheet was removed; the rest of the workbook is unchanged\./,
    );
    expect(await wb.listSheets()).toEqual([EXISTING_SHEET]);
    expect(snapshot(wb)).toEqual(before);
    expect(wb.updatesSuspended).toBe(false);
  });

  it("a write that fails mid-way (Excel rejecting a sync) removes the partly written sheet", async () => {
    const wb = await workbookWithData();
    const before = snapshot(wb);
    const failing = spyWorkbook(wb, { failAtSync: 3, failMode: "after" });
    const error = await importIntoWorkbook(failing, bytes, {
      fileName: flood.fileName,
      csv: options,
      write: { budgetBytes: 200_000 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: "importFailed", restored: true });
    expect(await wb.listSheets()).toEqual([EXISTING_SHEET]);
    expect(snapshot(wb)).toEqual(before);
  });

  it("the writer never writes into an existing sheet, whatever name it is given", async () => {
    const wb = await workbookWithData();
    const before = snapshot(wb);
    const result = await importCsv(hostileCase("owasp-injection").bytes());
    if (isRefusal(result)) throw new Error(result.message);
    const error = await writeImport(wb, toImportData(result), { sheetName: "SHEET1" }).catch((e: unknown) => e);
    expect(isWorkbookError(error) && error.code).toBe("sheetExists");
    expect(snapshot(wb)).toEqual(before);
  });
});

describe("hostile file names become new, valid sheet names", () => {
  it("imports under every name into one workbook, never touching what is there", async () => {
    const wb = await workbookWithData();
    const bytes = hostileCase("owasp-injection").bytes();
    const names: string[] = [];
    for (const fileName of HOSTILE_FILE_NAMES) {
      const before = snapshot(wb);
      const flow = await importIntoWorkbook(wb, bytes, { fileName });
      if (flow.stage !== "written") throw new Error(flow.refusal.message);
      const sheet = flow.outcome.sheetName;
      expect([fileName, sheetNameProblem(sheet)]).toEqual([fileName, null]);
      expect(names.map((n) => n.toUpperCase())).not.toContain(sheet.toUpperCase());
      expect(snapshot(wb, [sheet])).toEqual(before);
      names.push(sheet);
    }
    expect(await wb.listSheets()).toEqual([EXISTING_SHEET, ...names]);
    expect(names.slice(0, 3)).toEqual(["Sheet1 (2)", "SHEET1 (3)", "History (2)"]);
  });
});
