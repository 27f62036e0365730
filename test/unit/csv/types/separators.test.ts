/** Issue 15: no silent number changes. Each column's decimal separator comes from its own values. */
import { analyse, isRefusal, type Analysis } from "../../../../src/csv";
import { column, imported } from "../support";

function analysed(text: string, options = {}): Analysis {
  const a = analyse(text, options);
  if (isRefusal(a)) throw new Error(a.message);
  return a;
}

const SEMICOLON_DOT = "name;a;b\nA;1.500;2.250\nB;0.125;3.375\nC;12.750;1.000\n";

describe("decimal separator per column", () => {
  it("a semicolon file with dot decimals keeps 1.5, 0.125 and 12.75 and never writes 2250", () => {
    const r = imported(SEMICOLON_DOT);
    expect(column(r, "a")).toEqual([1.5, 0.125, 12.75]);
    expect(column(r, "b")).toEqual([2.25, 3.375, 1]);
    expect(r.decimalSeparator).toBe(".");
    expect(r.columns.map((c) => c.decimalSeparator)).toEqual([".", ".", "."]);
  });

  it("warns about the column that could not tell, naming its reading", () => {
    const a = analysed(SEMICOLON_DOT);
    const w = a.warnings.filter((x) => x.code === "ambiguousDecimal");
    expect(w).toHaveLength(1);
    expect(w[0].column).toBe(3);
    expect(w[0].message).toBe(
      'column 3 (C) "b": 3 values such as "2.250" (rows 2, 3, 4) could be read with a decimal point or a decimal comma. ' +
        'Read with a decimal point (as the file\'s other number columns are written): "2.250" is 2.25. Choose the decimal separator if that is wrong.',
    );
    expect(a.previewRows.map((r) => r[2])).toEqual([2.25, 3.375, 1]);
  });

  it("a file where nothing tells follows the delimiter's convention, and says so", () => {
    const r = imported("a;b\n1.500;x\n2.250;y\n");
    expect(column(r, "a")).toEqual([1500, 2250]);
    expect(r.warnings.find((w) => w.code === "ambiguousDecimal")?.message).toContain(
      "Read with a decimal comma (the usual convention of semicolon-delimited files)",
    );
  });

  it("the Decimal separator option overrides the evidence", () => {
    const r = imported(SEMICOLON_DOT, { decimalSeparator: "," });
    expect(column(r, "b")).toEqual([2250, 3375, 1000]);
    expect(r.warnings.find((w) => w.code === "ambiguousDecimal")).toBeUndefined();
  });

  it("columns of one file may differ: 3,5 in one, 0.125 in another", () => {
    const r = imported("x;y\n3,5;0.125\n1,25;2.5\n");
    expect(column(r, "x")).toEqual([3.5, 1.25]);
    expect(column(r, "y")).toEqual([0.125, 2.5]);
  });

  it("a column mixing conventions stays text and is flagged", () => {
    const a = analysed("x;y\n3,5;a\n0.125;b\n");
    expect(a.columns[0].type).toBe("text");
    expect(a.warnings.find((w) => w.code === "mixedSeparators")?.message).toBe(
      'column 1 (A) "x" mixes decimal points and decimal commas: kept as text, so no number changes. Choose the decimal separator to read it as numbers.',
    );
  });

  it("spaces group thousands only where the column's convention allows", () => {
    expect(column(imported("n,m\n100 200,1.5\n3,2\n"), "n")).toEqual(["100 200", "3"]);
    expect(column(imported("n;m\n100 200;1,5\n3;2\n"), "n")).toEqual([100200, 3]);
  });

  it("numbers beyond the double range stay text, with a warning", () => {
    expect(analysed("n\n1e-400\n").columns[0].type).toBe("text");
    const a = analysed("n\n1e-400\n1e400\n", { columns: ["number"] });
    const r = imported("n\n1\n1e-400\n", { columns: ["number"] });
    expect(column(r, "n")).toEqual([1, "1e-400"]);
    expect(a.warnings.find((w) => w.code === "outOfRange")?.message).toBe(
      'column 1 (A) "n": 2 values such as "1e-400" (rows 2, 3) are beyond the range of numbers Excel holds: kept as text.',
    );
  });

  it("cells a chosen type cannot read are counted with their rows in the preview's warnings", () => {
    const a = analysed("n\n1\nabc\n3\nxyz\n", { columns: ["number"] });
    expect(a.warnings.find((w) => w.code === "mixedColumn")?.message).toBe(
      'column 1 (A) "n" holds numbers, but 2 cells do not (rows 3, 5): kept as text.',
    );
    const one = analysed("n\n1\nabc\n", { columns: ["number"] });
    expect(one.warnings.find((w) => w.code === "mixedColumn")?.message).toBe(
      'column 1 (A) "n" holds numbers, but 1 cell does not (row 3): kept as text.',
    );
  });
});

describe("mixed percent columns", () => {
  it("0.5 and 95% make a Number column of fractions, with a note", () => {
    const text = "country,share\nChina,0.5\nBurma,95%\n";
    const a = analysed(text);
    expect(a.columns[1]).toMatchObject({ type: "number", detectedType: "number", numberFormat: "General" });
    expect(a.previewRows.map((r) => r[1])).toEqual([0.5, 0.95]);
    expect(a.warnings.find((w) => w.code === "percentsAsFractions")?.message).toBe(
      'column 2 (B) "share" mixes plain numbers and percentages: 1 percentage (row 3) read as fractions, so "95%" is 0.95.',
    );
    const r = imported(text, { columns: a.columns });
    expect(column(r, "share")).toEqual([0.5, 0.95]);
    expect(r.warnings.map((w) => w.code)).toContain("percentsAsFractions");
  });

  it("a column of percentages only is still Percent", () => {
    expect(imported("s\n80%\n5%\n").columns[0].type).toBe("percent");
  });
});

describe("currency", () => {
  it.each([
    ["$1,000", 1000, "$"],
    ["-$5", -5, "$"],
    ["($1,234.50)", -1234.5, "$"],
  ])("%j in a comma file is %d %s", (cell, value, symbol) => {
    const r = imported(`amount\n"${cell}"\n"$2"\n`);
    expect(r.columns[0]).toMatchObject({ type: "currency", currency: symbol });
    expect(column(r, "amount")[0]).toBe(value);
  });

  it("€1.234,50 and 1 000 € in a semicolon file", () => {
    const r = imported("a;b\n€1.234,50;1 000 €\n€2,00;25 €\n");
    expect(r.columns.map((c) => [c.type, c.currency, c.decimalSeparator])).toEqual([
      ["currency", "€", ","],
      ["currency", "€", ","],
    ]);
    expect(column(r, "a")).toEqual([1234.5, 2]);
    expect(column(r, "b")).toEqual([1000, 25]);
    expect(r.columns.map((c) => c.numberFormat)).toEqual(['"€"#,##0.00', '#,##0 "€"']);
    expect(r.warnings.find((w) => w.code === "currency")?.message).toBe(
      'column 1 (A) "a" holds amounts in €: written with the currency format "€"#,##0.00.',
    );
  });

  it("plain numbers among amounts are amounts; two currencies are not one column", () => {
    expect(column(imported('p\n"$1,000"\n250\n'), "p")).toEqual([1000, 250]);
    expect(imported("p\n$5\n€5\n").columns[0].type).toBe("text");
  });

  it("accounting negatives in parentheses are read in plain number columns too", () => {
    const r = imported('n\n"(1,234)"\n12\n');
    expect(r.columns[0].type).toBe("number");
    expect(column(r, "n")).toEqual([-1234, 12]);
  });
});
