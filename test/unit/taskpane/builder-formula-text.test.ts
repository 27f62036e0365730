/**
 * The builder's formula text (taskpane/views/builder/formula-text.ts): text constants quoted
 * with inner quotes doubled, numbers and percentages as Excel reads them, omitted optional
 * arguments dropped at the end and left empty in the middle, and every input that cannot go
 * into a formula refused with a message instead of a formula.
 */
import { stringLiteral } from "../../../src/excel/formula-literals";
import type { ArgumentControl } from "../../../taskpane/views/builder/argument-controls";
import { buildFormula, type BuilderArgument } from "../../../taskpane/views/builder/formula-text";

const pick: ArgumentControl = { kind: "pick", names: ["Neodymium", "Dysprosium"], from: "test" };
const text: ArgumentControl = { kind: "text" };
const year: ArgumentControl = { kind: "number", whole: true };
const number: ArgumentControl = { kind: "number", whole: false };
const percent: ArgumentControl = { kind: "percent" };

const arg = (name: string, control: ArgumentControl, input: string, optional = false): BuilderArgument => ({
  name,
  control,
  input,
  optional,
});

describe("text constants", () => {
  it("are quoted", () => {
    const built = buildFormula("SHARE", [arg("element", pick, "Neodymium"), arg("stage", pick, "", true)]);
    expect(built).toEqual({ text: '=RARE.SHARE("Neodymium")', values: ["Neodymium", null], problems: [] });
  });

  it('double every quote inside, as Excel writes "" for one quote', () => {
    const built = buildFormula("USE", [arg("element", text, 'Nd "the magnet" one')]);
    expect(built.text).toBe('=RARE.USE("Nd ""the magnet"" one")');
    expect(built.values).toEqual(['Nd "the magnet" one']);
    expect(stringLiteral('"')).toBe('""""');
  });

  it("keep commas, parentheses and semicolons inside the quotes", () => {
    const built = buildFormula("RISK", [arg("factor", text, "a, b); c")]);
    expect(built.text).toBe('=RARE.RISK("a, b); c")');
  });

  it("are refused over Excel's 255 characters, at 256", () => {
    expect(buildFormula("USE", [arg("element", text, "x".repeat(255))]).problems).toEqual([]);
    const built = buildFormula("USE", [arg("element", text, "x".repeat(256))]);
    expect(built.problems).toEqual([{ argument: 0, message: expect.stringContaining("at most 255 characters") }]);
  });
});

describe("numbers", () => {
  it("are written as numbers, not text", () => {
    const built = buildFormula("PRODUCTION", [arg("country", pick, "China"), arg("year", year, "2024", true)]);
    expect(built.text).toBe('=RARE.PRODUCTION("China",2024)');
    expect(built.values).toEqual(["China", 2024]);
  });

  it("are normalised as Excel would show them back", () => {
    const one = (input: string) => buildFormula("X", [arg("n", number, input)]);
    expect(one("0.50").text).toBe("=RARE.X(0.5)");
    expect(one(".5").text).toBe("=RARE.X(0.5)");
    expect(one("-2").text).toBe("=RARE.X(-2)");
    expect(one("1e3").text).toBe("=RARE.X(1000)");
    expect(one("1e21").text).toBe("=RARE.X(1E+21)");
  });

  it("refuse what is not a plain number, and a year that is not whole", () => {
    expect(buildFormula("X", [arg("elasticity", number, "0,5")]).problems[0].message).toBe(
      'elasticity must be a number such as 0.5, not "0,5".',
    );
    expect(buildFormula("X", [arg("year", year, "2024.5")]).problems[0].message).toBe(
      "year must be a whole number such as 2024, not 2024.5.",
    );
    expect(buildFormula("X", [arg("n", number, "1e999")]).problems).toHaveLength(1);
  });

  it("in a text box are numbers too (SOURCE's field 2025), other text stays text", () => {
    expect(buildFormula("SOURCE", [arg("field", text, "2025")]).text).toBe("=RARE.SOURCE(2025)");
    expect(buildFormula("SOURCE", [arg("field", text, "mining")]).text).toBe('=RARE.SOURCE("mining")');
  });
});

describe("percentages", () => {
  it("are written with % and passed as the fraction", () => {
    const built = buildFormula("GAP", [arg("element", pick, "Neodymium"), arg("cut", percent, "50")]);
    expect(built.text).toBe('=RARE.GAP("Neodymium",50%)');
    expect(built.values).toEqual(["Neodymium", 0.5]);
  });

  it("take a typed % sign and decimals", () => {
    const built = buildFormula("GAP", [arg("element", pick, "Neodymium"), arg("cut", percent, "12.5 %")]);
    expect(built.text).toBe('=RARE.GAP("Neodymium",12.5%)');
    expect(built.values[1]).toBeCloseTo(0.125, 15);
  });

  it("refuse text", () => {
    expect(buildFormula("GAP", [arg("cut", percent, "half")]).problems[0].message).toBe(
      'cut must be a percentage such as 50 or 50%, not "half".',
    );
  });
});

describe("omitted optional arguments", () => {
  const impact = (elasticity: string, mitigation: string, model: string) =>
    buildFormula("PRICEIMPACT", [
      arg("element", pick, "Neodymium"),
      arg("cut", percent, "50"),
      arg("elasticity", number, elasticity, true),
      arg("mitigation", percent, mitigation, true),
      arg("model", { kind: "pick", names: ["constant", "linear"], from: "test" }, model, true),
    ]);

  it("are dropped at the end", () => {
    expect(impact("", "", "").text).toBe('=RARE.PRICEIMPACT("Neodymium",50%)');
    expect(impact("0.5", "", "").text).toBe('=RARE.PRICEIMPACT("Neodymium",50%,0.5)');
  });

  it("are left empty in the middle, and passed as null", () => {
    const built = impact("", "25", "");
    expect(built.text).toBe('=RARE.PRICEIMPACT("Neodymium",50%,,25%)');
    expect(built.values).toEqual(["Neodymium", 0.5, null, 0.25, null]);
    expect(impact("", "", "linear").text).toBe('=RARE.PRICEIMPACT("Neodymium",50%,,,"linear")');
  });

  it("count as omitted when only spaces", () => {
    expect(impact("  ", "", "").text).toBe('=RARE.PRICEIMPACT("Neodymium",50%)');
  });
});

describe("required arguments", () => {
  it("left empty are a problem, and the formula shows the gap", () => {
    const built = buildFormula("GAP", [arg("element", pick, ""), arg("cut", percent, "50")]);
    expect(built.text).toBe("=RARE.GAP(,50%)");
    expect(built.problems).toEqual([{ argument: 0, message: "element is required: pick one." }]);
  });

  it("of a function without parameters need nothing", () => {
    expect(buildFormula("VERSION", [])).toEqual({ text: "=RARE.VERSION()", values: [], problems: [] });
  });
});

describe("the whole formula", () => {
  it("is refused over Excel's 8,192 characters", () => {
    const args = Array.from({ length: 40 }, (_, i) => arg(`a${i}`, text, "y".repeat(250)));
    const built = buildFormula("X", args);
    expect(built.text.length).toBeGreaterThan(8192);
    expect(built.problems).toEqual([{ argument: -1, message: expect.stringContaining("at most 8192") }]);
  });
});
