import fc from "fast-check";
import { utf8Length } from "../../../src/workbook/payload";
import { isFormulaLike } from "../../../src/excel/formula-lead";
import type { CellValue } from "../../../src/excel/values";
import { type ImportData, type PlanOp, type WritePlan, planImport } from "../../../src/workbook/write-plan";
import { DDE_PAYLOAD, realisticImport } from "./support/import-data";

const FOUR_MB = 4_000_000;

/** The sheet a plan produces, replayed naively (op order kept); cell (r, c) at index r * cols + c. */
interface Replayed {
  readonly at: (r: number, c: number) => number;
  readonly values: Array<CellValue | undefined>;
  readonly formats: Array<string | undefined>;
  /** Whether the cell's format was "@" when its value was written. */
  readonly textBeforeValue: Uint8Array;
  readonly writes: Uint32Array;
}

function replay(plan: WritePlan): Replayed {
  const { rows, cols } = plan.tableRect;
  const at = (r: number, c: number): number => r * cols + c;
  const values = new Array<CellValue | undefined>(rows * cols);
  const formats = new Array<string | undefined>(rows * cols);
  const textBeforeValue = new Uint8Array(rows * cols);
  const writes = new Uint32Array(rows * cols);
  for (const sync of plan.syncs) {
    for (const op of sync.ops) {
      if (op.kind === "values") {
        op.values.forEach((row, r) =>
          row.forEach((v, c) => {
            const i = at(op.topLeft.row + r, op.topLeft.col + c);
            textBeforeValue[i] = formats[i] === "@" ? 1 : 0;
            values[i] = v;
            writes[i]++;
          }),
        );
      } else if (op.kind === "formatBlock") {
        for (let r = op.rect.row; r < op.rect.row + op.rect.rows; r++)
          for (let c = op.rect.col; c < op.rect.col + op.rect.cols; c++) formats[at(r, c)] = op.format;
      } else if (op.kind === "formatCells") {
        op.formats.forEach((row, r) =>
          row.forEach((f, c) => f !== null && (formats[at(op.topLeft.row + r, op.topLeft.col + c)] = f)),
        );
      }
    }
  }
  return { at, values, formats, textBeforeValue, writes };
}

/** Every sync within its estimate, measured on the JSON it sends, and the estimate within the budget. */
function expectWithinBudget(plan: WritePlan, budget: number): void {
  for (const sync of plan.syncs) {
    expect(utf8Length(JSON.stringify(sync.ops))).toBeLessThanOrEqual(sync.estimatedBytes);
    expect(sync.estimatedBytes).toBeLessThanOrEqual(budget);
  }
}

/**
 * Replays `plan` and checks it writes every cell of `data` once, as given (null as blank), with
 * the header row and formula-like text under "@" before their value; returns the replay.
 */
function expectEveryCellOnceTextSafe(plan: WritePlan, data: Pick<ImportData, "headers" | "rows">): Replayed {
  const replayed = replay(plan);
  const { at, values, textBeforeValue, writes } = replayed;
  expect(writes.every((n) => n === 1)).toBe(true);
  [data.headers, ...data.rows].forEach((row, r) =>
    row.forEach((v, c) => {
      expect(values[at(r, c)]).toBe(v === null ? "" : v);
      if (isFormulaLike(v) || r === 0) expect(textBeforeValue[at(r, c)]).toBe(1);
    }),
  );
  return replayed;
}

function opOrder(plan: WritePlan): PlanOp["kind"][] {
  return plan.syncs.flatMap((s) => s.ops.map((op) => op.kind));
}

describe("planImport: 200,000 rows × 10 columns", () => {
  const data = realisticImport(200_000);
  let plan: WritePlan;
  beforeAll(() => {
    plan = planImport(data);
  });

  it("keeps every sync under 4 MB, measured on the real JSON of what it sends", () => {
    for (const sync of plan.syncs) {
      const measured = utf8Length(JSON.stringify(sync.ops));
      expect(measured).toBeLessThanOrEqual(sync.estimatedBytes);
      expect(sync.estimatedBytes).toBeLessThanOrEqual(FOUR_MB);
      for (const op of sync.ops) {
        if (op.kind === "values") expect(utf8Length(JSON.stringify(op.values))).toBeLessThanOrEqual(FOUR_MB);
      }
    }
  });

  it("uses no more than 1.1 × the minimum number of syncs", () => {
    expect(plan.minimumSyncs).toBe(Math.ceil(plan.estimatedBytes / FOUR_MB));
    expect(plan.syncs.length).toBeLessThanOrEqual(Math.floor(1.1 * plan.minimumSyncs));
    expect(plan.syncs.length).toBeGreaterThan(1);
  });

  it("writes values first, then display formats, then the table", () => {
    const order = opOrder(plan);
    const lastValues = order.lastIndexOf("values");
    const display = plan.syncs
      .flatMap((s) => s.ops)
      .findIndex((op) => op.kind === "formatBlock" && op.purpose === "display");
    expect(display).toBeGreaterThan(lastValues);
    expect(order[order.length - 1]).toBe("table");
    expect(order.filter((k) => k === "table")).toHaveLength(1);
    const table = plan.syncs.flatMap((s) => s.ops).find((op) => op.kind === "table");
    expect(table).toEqual({ kind: "table", rect: { row: 0, col: 0, rows: 200_001, cols: 10 }, hasHeaders: true });
  });

  it("writes every cell exactly as given, blanks as empty strings, never null", () => {
    const { at, values, writes } = replay(plan);
    expect(writes.every((n) => n === 1)).toBe(true);
    expect(values[at(0, 0)]).toBe("Country");
    let mismatches = 0;
    data.rows.forEach((row, r) =>
      row.forEach((v, c) => values[at(r + 1, c)] !== (v === null ? "" : v) && mismatches++),
    );
    expect(mismatches).toBe(0);
    expect(values.includes(null)).toBe(false);
  });

  it("formats text cells as text BEFORE their values: formula-like, flagged, and the text column", () => {
    const { at, textBeforeValue, formats } = replay(plan);
    let formulaLike = 0;
    let unprotected = 0;
    data.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isFormulaLike(v) || c === 0) {
          formulaLike += c === 0 ? 0 : 1;
          if (!textBeforeValue[at(r + 1, c)] || formats[at(r + 1, c)] !== "@") unprotected++;
        }
      }),
    );
    expect(unprotected).toBe(0);
    for (let c = 0; c < 10; c++) expect(textBeforeValue[at(0, c)]).toBe(1);
    for (const [r, c] of data.textCells) expect(textBeforeValue[at(r + 1, c)]).toBe(1);
    expect(formulaLike).toBeGreaterThan(1000);
    expect(data.rows.some((row) => row.includes(DDE_PAYLOAD))).toBe(true);
  });

  it("gives each non-General column its format, and leaves General columns alone", () => {
    const { at, formats } = replay(plan);
    expect(formats[at(5, 3)]).toBe("#,##0.0");
    expect(formats[at(5, 4)]).toBe("0.0%");
    expect(formats[at(200_000, 6)]).toBe("yyyy-mm-dd");
    expect(formats[at(5, 1)]).toBeUndefined();
    const displayOps = plan.syncs
      .flatMap((s) => s.ops)
      .filter((op) => op.kind === "formatBlock" && op.purpose === "display");
    // One block per display column (adjacent ones differ): 0 | #,##0.0 | 0.0% | #,##0.00 | yyyy-mm-dd.
    expect(displayOps).toHaveLength(5);
  });

  it("reports rows written per sync, increasing to the total", () => {
    const rows = plan.syncs.map((s) => s.rowsWritten);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    expect(rows[rows.length - 1]).toBe(200_000);
  });
});

describe("planImport: small cases", () => {
  const base: ImportData = {
    headers: ["A", "B"],
    rows: [
      ["x", 1],
      [null, 2],
    ],
    columnFormats: ["General", "0.00"],
  };

  it("fits a small import in one sync: values, format block, table", () => {
    const plan = planImport(base);
    expect(plan.syncs).toHaveLength(1);
    expect(opOrder(plan)).toEqual(["formatBlock", "values", "formatBlock", "table"]);
    expect(plan.syncs[0].ops[1]).toEqual({
      kind: "values",
      topLeft: { row: 0, col: 0 },
      values: [
        ["A", "B"],
        ["x", 1],
        ["", 2],
      ],
    });
  });

  it("an import with headers only still makes a table", () => {
    const plan = planImport({ ...base, rows: [] });
    expect(opOrder(plan)).toEqual(["formatBlock", "values", "table"]);
    expect(plan.tableRect).toEqual({ row: 0, col: 0, rows: 1, cols: 2 });
  });

  it("makes the header row text before writing it, whatever the headers look like", () => {
    const plan = planImport({ ...base, headers: ["=A1", "00123"] });
    const ops = plan.syncs[0].ops;
    expect(ops[0]).toEqual({
      kind: "formatBlock",
      rect: { row: 0, col: 0, rows: 1, cols: 2 },
      format: "@",
      purpose: "text",
    });
    expect(ops[1].kind).toBe("values");
  });

  it("puts '@' back on text cells inside a display-formatted column", () => {
    const plan = planImport({
      ...base,
      rows: [
        ["x", "-"],
        [null, 2],
      ],
    });
    const ops = plan.syncs[0].ops;
    expect(ops.map((o) => o.kind)).toEqual([
      "formatBlock",
      "formatCells",
      "values",
      "formatBlock",
      "formatCells",
      "table",
    ]);
    const { at, formats } = replay(plan);
    expect(formats[at(1, 1)]).toBe("@");
    expect(formats[at(2, 1)]).toBe("0.00");
  });

  it("names the table when asked", () => {
    const plan = planImport(base, { tableName: "Imported" });
    expect(plan.syncs[0].ops.at(-1)).toMatchObject({ kind: "table", name: "Imported" });
  });

  it.each([
    [{ ...base, headers: [] }, /no columns/],
    [{ ...base, columnFormats: ["General"] }, /1 column formats for 2 columns/],
    [{ ...base, rows: [["x"]] }, /Row 1 has 1 cells/],
    [{ ...base, rows: [["x", Number.NaN]] }, /Row 1, column 2: NaN/],
    [{ ...base, rows: [["x", "y".repeat(32_768)]] }, /longer than 32767/],
    [{ ...base, rows: [["x", {} as unknown as CellValue]] }, /neither text/],
    [{ ...base, textCells: [[5, 0]] as Array<[number, number]> }, /outside the data/],
  ])("refuses what Excel would reject (%#)", (data, message) => {
    expect(() => planImport(data as ImportData)).toThrow(message);
  });

  it("refuses only a single cell bigger than one request", () => {
    expect(() =>
      planImport({ headers: ["A"], rows: [["x".repeat(30_000)]], columnFormats: ["General"] }, { budgetBytes: 25_000 }),
    ).toThrow(/row 2, column 1 alone is larger than one request/);
  });
});

describe("planImport: rows wider than one request", () => {
  it("writes a 5 MB row of legal cells, split by columns across requests", () => {
    const cols = 160;
    const headers = Array.from({ length: cols }, (_, c) => `C${c + 1}`);
    const wide = headers.map((_, c) => String.fromCharCode(97 + (c % 26)).repeat(32_767));
    const data: ImportData = {
      headers,
      rows: [["short", ...headers.slice(1).map(() => 1)], wide, ["=1+1", ...headers.slice(1).map(() => 2)]],
      columnFormats: headers.map(() => "General"),
    };
    expect(utf8Length(JSON.stringify(wide))).toBeGreaterThan(5_000_000);
    const plan = planImport(data);
    expectWithinBudget(plan, FOUR_MB);
    const pieces = plan.syncs.flatMap((s) => s.ops).filter((op) => op.kind === "values" && op.topLeft.row === 2);
    expect(pieces.length).toBe(2);
    expect(pieces.map((op) => op.kind === "values" && op.topLeft.col)[0]).toBe(0);
    const { at, values, writes, textBeforeValue } = replay(plan);
    expect(writes.every((n) => n === 1)).toBe(true);
    for (let c = 0; c < cols; c++) expect(values[at(2, c)]).toBe(wide[c]);
    expect(values[at(3, 0)]).toBe("=1+1");
    expect(textBeforeValue[at(3, 0)]).toBe(1);
    expect(plan.syncs.at(-1)!.rowsWritten).toBe(3);
  });

  it("writes the 2 MB row of 25 CJK cells (counted at 3 bytes a character, not 6)", () => {
    const headers = Array.from({ length: 25 }, (_, c) => `列${c + 1}`);
    const row = headers.map((_, c) => String.fromCharCode(0x4e00 + c).repeat(27_000));
    const data: ImportData = { headers, rows: [row], columnFormats: headers.map(() => "General") };
    const bytes = utf8Length(JSON.stringify(row));
    expect(bytes).toBeGreaterThan(2_000_000);
    const plan = planImport(data);
    expectWithinBudget(plan, FOUR_MB);
    // The whole row fits one request once counted as sent: one values op, not pieces.
    const ops = plan.syncs.flatMap((s) => s.ops).filter((op) => op.kind === "values");
    expect(ops).toHaveLength(1);
    const { at, values } = replay(plan);
    row.forEach((v, c) => expect(values[at(1, c)]).toBe(v));
    expect(plan.estimatedBytes).toBeLessThan(bytes + 20_000);
  });

  it("any mix of wide rows: every cell once, text cells formatted before their values, within budget", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ maxLength: 3000, unit: "grapheme" }),
      fc.constantFrom("=1+1", "-x", DDE_PAYLOAD),
    );
    const dataArb = fc.integer({ min: 1, max: 30 }).chain((cols) =>
      fc.record({
        headers: fc.array(fc.string({ maxLength: 12 }), { minLength: cols, maxLength: cols }),
        rows: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 8 }),
        columnFormats: fc.array(fc.constantFrom("General", "@", "0.00"), { minLength: cols, maxLength: cols }),
        flagged: fc.array(fc.tuple(fc.nat(7), fc.nat(cols - 1)), { maxLength: 10 }),
        budget: fc.integer({ min: 16_000, max: 40_000 }),
      }),
    );
    fc.assert(
      fc.property(dataArb, ({ budget, flagged, ...data }) => {
        const textCells = flagged.filter(([r]) => r < data.rows.length) as Array<[number, number]>;
        const plan = planImport({ ...data, textCells }, { budgetBytes: budget });
        expectWithinBudget(plan, budget);
        const { at, textBeforeValue } = expectEveryCellOnceTextSafe(plan, data);
        for (const [r, c] of textCells) expect(textBeforeValue[at(r + 1, c)]).toBe(1);
        const rows = plan.syncs.map((s) => s.rowsWritten);
        expect([...rows].sort((a, b) => a - b)).toEqual(rows);
      }),
      { numRuns: 60 },
    );
  });
});

describe("planImport: properties", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 40 }),
    fc.constantFrom("=1+1", "-x", "+y", "@z", "\t=1", "\r=2", DDE_PAYLOAD, "Nd₂O₃ ≥ 99.5%"),
  );
  const dataArb = fc.integer({ min: 1, max: 5 }).chain((cols) =>
    fc.record({
      headers: fc.array(fc.string({ maxLength: 12 }), { minLength: cols, maxLength: cols }),
      rows: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 120 }),
      columnFormats: fc.array(fc.constantFrom("General", "", "@", "0.00", "0%", "yyyy-mm-dd"), {
        minLength: cols,
        maxLength: cols,
      }),
      budget: fc.integer({ min: 16_000, max: 60_000 }),
    }),
  );

  it("every sync within budget by a true upper bound; every cell written once, text-safe", () => {
    fc.assert(
      fc.property(dataArb, ({ budget, ...data }) => {
        const plan = planImport(data, { budgetBytes: budget });
        expectWithinBudget(plan, budget);
        expectEveryCellOnceTextSafe(plan, data);
        expect(opOrder(plan).at(-1)).toBe("table");
      }),
      { numRuns: 150 },
    );
  });
});
