/**
 * The Scenarios form's check (taskpane/views/scenario-choices.ts) and the view's sentences
 * (scenario-outcome.ts): no DOM needed.
 */
import { bundled } from "../../../src/data/bundled";
import { buildScenarioSheet } from "../../../src/scenario/scenario-layout";
import {
  checkForm,
  initialForm,
  parseNumberText,
  parsePercentText,
  type ScenarioForm,
} from "../../../taskpane/views/scenario-choices";
import { datasetVersionText, outcomeMessage, recalculatedAt } from "../../../taskpane/views/scenario-outcome";

const form = initialForm(bundled);
const problemsOf = (change: Partial<ScenarioForm>) => {
  const checked = checkForm({ ...form, ...change });
  return checked.ok ? [] : checked.problems;
};

describe("initialForm", () => {
  it("starts from the first preset, the elements with a sourced share, and every strategy at its default", () => {
    expect(form.riskFactor).toBe("Export Quotas");
    expect(form.cutText).toBe("30");
    expect(form.elasticityText).toBe("0.5");
    expect(form.sheetName).toBe("Scenario Export Quotas");
    expect(form.elements.filter((e) => e.checked).map((e) => e.name)).toEqual(["Neodymium", "Dysprosium", "Lanthanum"]);
    expect(form.elements.filter((e) => e.sourced).map((e) => e.name)).toEqual(["Neodymium", "Dysprosium", "Lanthanum"]);
    expect(form.elements.length).toBeGreaterThan(3); // the rest are offered, unticked
    expect(form.strategies).toEqual([
      { name: "Domestic Mining Expansion", checked: true, offsetText: "20" },
      { name: "International Partnerships", checked: true, offsetText: "15" },
      { name: "Material Substitution Research", checked: true, offsetText: "5" },
      { name: "Recycling Programs", checked: true, offsetText: "10" },
    ]);
    expect(initialForm(bundled, "Geopolitical Tensions")).toMatchObject({
      cutText: "50",
      sheetName: "Scenario Geopolitical Tensions",
    });
  });
});

describe("checkForm", () => {
  it("turns the defaults into a scenario input", () => {
    const checked = checkForm(form);
    expect(checked).toEqual({
      ok: true,
      input: {
        sheetName: "Scenario Export Quotas",
        riskFactor: "Export Quotas",
        elements: ["Neodymium", "Dysprosium", "Lanthanum"],
        strategies: [
          { name: "Domestic Mining Expansion", offset: 0.2 },
          { name: "International Partnerships", offset: 0.15 },
          { name: "Material Substitution Research", offset: 0.05 },
          { name: "Recycling Programs", offset: 0.1 },
        ],
        cut: 0.3,
        elasticity: 0.5,
      },
    });
  });

  it("reads percentages as typed into a % field", () => {
    expect(["30", "30%", " 12.5 % ", "0", "100", "0.5%"].map(parsePercentText)).toEqual([30, 30, 12.5, 0, 100, 0.5]);
    // Excel's automatic percent entry: below 1 without "%" is the fraction, so 0.8 and 80 are both 80 %.
    expect(["0.8", ".5", "80", "1"].map(parsePercentText)).toEqual([80, 50, 80, 1]);
    expect(["", "abc", "30,5", "1e3", "%", "9".repeat(400)].map(parsePercentText)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(["0.5", "9".repeat(400), "-" + "9".repeat(400)].map(parseNumberText)).toEqual([0.5, null, null]);
    const checked = checkForm({
      ...form,
      cutText: "45 %",
      strategies: form.strategies.map((s, i) => ({ ...s, checked: i === 0, offsetText: "0" })),
    });
    expect(checked.ok && [checked.input.cut, checked.input.strategies]).toEqual([
      0.45,
      [{ name: "Domestic Mining Expansion", offset: 0 }],
    ]);
  });

  it.each<[string, Partial<ScenarioForm>, string, RegExp]>([
    ["a cut above 100 %", { cutText: "150" }, "cut", /^Export cut 150% is outside 0% to 100%\.$/],
    ["a negative cut", { cutText: "-5%" }, "cut", /outside 0% to 100%/],
    [
      "a cut that is not a number",
      { cutText: "lots" },
      "cut",
      /enter a percentage from 0 to 100, e\.g\. 30 \(got "lots"\)/,
    ],
    ["elasticity 0", { elasticityText: "0" }, "elasticity", /^Elasticity 0 would turn any shortage/],
    ["a negative elasticity", { elasticityText: "-0.5" }, "elasticity", /enter its magnitude/],
    ["an elasticity that is not a number", { elasticityText: "" }, "elasticity", /enter a number greater than 0/],
    [
      "no element",
      { elements: form.elements.map((e) => ({ ...e, checked: false })) },
      "elements",
      /^Choose at least one element\.$/,
    ],
    [
      "a cut beyond a double",
      { cutText: "9".repeat(400) },
      "cut",
      /^Export cut: enter a percentage from 0 to 100, e\.g\. 30 \(got "9{23}…"\)\.$/,
    ],
    [
      "an elasticity beyond a double",
      { elasticityText: "9".repeat(400) },
      "elasticity",
      /^Elasticity: enter a number greater than 0, e\.g\. 0\.5 \(got "9{23}…"\)\.$/,
    ],
    ["a sheet name with a slash", { sheetName: "Q1/Q2" }, "sheet", /contains one of/],
    ["a blank sheet name", { sheetName: "  " }, "sheet", /must not be blank/],
    ["a sheet name too long", { sheetName: "x".repeat(32) }, "sheet", /longer than 31/],
  ])("says what is wrong with %s, on its field", (_what, change, field, message) => {
    const problems = problemsOf(change);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(field);
    expect(problems[0].message).toMatch(message);
  });

  it("checks only the offsets of chosen strategies, and names the strategy", () => {
    const strategies = form.strategies.map((s, i) => ({
      ...s,
      offsetText: i === 3 ? "120" : s.offsetText,
      checked: i !== 0,
    }));
    expect(problemsOf({ strategies })).toEqual([
      { field: "offset:Recycling Programs", message: "Offset of Recycling Programs 120% is outside 0% to 100%." },
    ]);
    expect(problemsOf({ strategies: strategies.map((s, i) => ({ ...s, checked: i !== 3 })) })).toEqual([]);
  });

  it("reports every problem at once", () => {
    expect(problemsOf({ cutText: "x", elasticityText: "0", sheetName: "" }).map((p) => p.field)).toEqual([
      "cut",
      "elasticity",
      "sheet",
    ]);
  });
});

describe("scenario-outcome", () => {
  const checked = checkForm(form);
  if (!checked.ok) throw new Error("the defaults must pass");
  const plan = buildScenarioSheet(checked.input);

  it("says what was created and where the names are", () => {
    const { text, details } = outcomeMessage(
      { sheetName: plan.sheetName, mode: "create", tableName: plan.table.name, kept: [], dropped: [], rebuilt: false },
      plan,
    );
    expect(text).toBe(
      'Created the sheet "Scenario Export Quotas": 3 elements, 4 strategies, every figure a live RARE formula.',
    );
    expect(details[1]).toMatch(/^Table RARE_Scenario_Export_Quotas_Table; the names RARE_Scenario_Export_Quotas_Cut/);
  });

  it("says which exposures were kept and which went with their elements", () => {
    const { text, details } = outcomeMessage(
      {
        sheetName: plan.sheetName,
        mode: "update",
        tableName: plan.table.name,
        kept: [{ element: "Neodymium", value: 100 }],
        dropped: [{ element: "Terbium", value: "=A1" }],
        rebuilt: false,
      },
      plan,
    );
    expect(text).toBe('Updated the sheet "Scenario Export Quotas" in place with the choices above.');
    expect(details).toEqual([
      "Kept the exposures you typed: Neodymium (100).",
      "Removed with their elements, which are no longer chosen: Terbium (=A1).",
    ]);
    const rebuilt = outcomeMessage(
      { sheetName: plan.sheetName, mode: "update", tableName: plan.table.name, kept: [], dropped: [], rebuilt: true },
      plan,
    );
    expect(rebuilt.details).toEqual([
      "No exposures had been typed, so none were kept.",
      "The layout changed, so the table, the chart and the names were rebuilt for 3 elements and 4 strategies.",
    ]);
  });

  it("shows the dataset version with the overrides in force, and the time of a refresh", () => {
    expect(datasetVersionText("v1", 0)).toBe("v1");
    expect(datasetVersionText("v1", 2)).toBe("v1 + 2 workbook overrides");
    expect(recalculatedAt(new Date(2026, 0, 2, 9, 5))).toBe("Recalculated at 09:05.");
  });
});
