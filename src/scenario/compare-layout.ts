/**
 * buildComparisonSheet: named scenarios side by side on one sheet, as Excel's Scenario
 * Manager summary does, but live. Top to bottom:
 *
 *   assumptions   one column per scenario: cut, elasticity, each strategy's offset (inputs,
 *                 each a defined name), their combined mitigation; one price model for all
 *   exposures     per element: the exposure you type, RARE.PRICE, RARE.SHARE
 *   summary       per element and scenario: supply gap, price change, cost impact; totals
 *   tornado       the first scenario's assumptions one at a time at a low and a high bound
 *                 (inputs, ±50 % by default), the total cost impact (or the mean price change
 *                 where no exposure is typed) at each, and the swing; with its workings
 *   charts        price change by element and scenario; the tornado as horizontal bars
 *
 * Every figure is a formula over the input cells, so editing one scenario's cut changes
 * only that scenario's column. The tornado rows are written widest swing first (the order
 * `tornadoOrder` gives, computed by src/model/tornado.ts); their values stay live, and
 * running Compare again re-sorts them.
 *
 * Elements without a sourced China share are listed (their rows show #N/A, as the sources
 * have no figure) but come last, so the charts and the tornado can leave them out by range;
 * a note under the summary names them.
 */
import { invalidValue } from "../data/errors";
import { isFormulaLike } from "../excel/formula-lead";
import { DEFAULT_PRICE_MODEL, type PriceModel, requirePriceModel } from "../model/price-model";
import { requireElasticity, requireFraction } from "../model/scenario-inputs";
import { type Bounds, defaultBounds } from "../model/tornado";
import { FORMATS, PRICE_MODEL_NOTE, combinedMitigationFormula } from "./scenario-layout";
import { nameKey, requireSheetName } from "./scenario-names";
import { a1, type A1Cell, type A1Rect } from "../excel/a1";
import type { ChartPlan, InputCell, NamedRange, PlanBody, PlanCell } from "./plan";

export interface ComparedScenario {
  readonly name: string;
  readonly cut: number;
  readonly elasticity: number;
  /** One per strategy of the comparison, in its order. */
  readonly offsets: readonly number[];
}

export interface ComparisonInput {
  readonly sheetName: string;
  readonly strategies: readonly string[];
  readonly scenarios: readonly ComparedScenario[];
  /** Elements with a sourced China share first is not required: the builder orders them. */
  readonly elements: readonly string[];
  /** Elements the sources give no China share for: listed last, left out of charts and tornado. */
  readonly unsourced?: readonly string[];
  readonly model?: PriceModel;
  /** Tornado bounds by key ("cut", "elasticity", "offset:<i>"); omitted keys get defaultBounds. */
  readonly bounds?: ReadonlyMap<string, Bounds>;
  /** Tornado row order by key, widest swing first; omitted: the assumptions' order. */
  readonly tornadoOrder?: readonly string[];
}

export interface ComparisonAnchors {
  /** Row of the scenario names above the assumptions; scenario i is in column 2 + i. */
  readonly scenarioRow: number;
  readonly cutRow: number;
  readonly elasticityRow: number;
  readonly model: A1Cell;
  readonly offsetRows: readonly number[];
  readonly mitigationRow: number;
  /** Element rows of the exposure block (element in A, exposure B, price C, share D). */
  readonly firstElementRow: number;
  /** Each summary block including its header row; scenario i in column 2 + i. */
  readonly gap: A1Rect;
  readonly change: A1Rect;
  readonly cost: A1Rect;
  readonly totalRow: number;
  /** Tornado header and rows: Assumption | At low | At high | Swing | Low bound | High bound. */
  readonly tornado: A1Rect;
  /** Tornado rows' keys, in the order written. */
  readonly tornadoKeys: readonly string[];
}

/** A plan with charts of its own (comparison, simulation), written by compare-writer.ts. */
export interface ChartedPlan extends PlanBody {
  readonly charts: readonly ChartPlan[];
}

export interface ComparisonPlan extends ChartedPlan {
  readonly anchors: ComparisonAnchors;
}

export const TORNADO_HEADERS = ["Assumption", "At low", "At high", "Swing", "Low bound", "High bound"] as const;

const norm = (s: string) => s.trim().toLowerCase();

function requireNames(names: readonly string[], what: string, atLeast: number): string[] {
  if (names.length < atLeast) throw invalidValue(`Choose at least ${atLeast === 1 ? "one" : atLeast} ${what}.`);
  const seen = new Set<string>();
  return names.map((raw) => {
    const name = typeof raw === "string" ? raw.trim() : "";
    if (name === "") throw invalidValue(`${what[0].toUpperCase()}${what.slice(1)} names must not be blank.`);
    // Written to cells as values: the untrimmed text is checked too (a tab or CR lead hides a formula).
    if (isFormulaLike(name) || isFormulaLike(raw))
      throw invalidValue(`"${name}" must not start with = + - @, a tab or a carriage return.`);
    if (seen.has(norm(name))) throw invalidValue(`"${name}" is listed twice.`);
    seen.add(norm(name));
    return name;
  });
}

export function buildComparisonSheet(input: ComparisonInput): ComparisonPlan {
  const sheetName = requireSheetName(input.sheetName);
  const strategies = requireNames(input.strategies, "strategy", 0);
  const names = requireNames(
    input.scenarios.map((s) => s.name),
    "scenario",
    1,
  );
  const unsourced = new Set((input.unsourced ?? []).map(norm));
  const listed = requireNames(input.elements, "element", 1);
  const elements = [...listed.filter((e) => !unsourced.has(norm(e))), ...listed.filter((e) => unsourced.has(norm(e)))];
  const charted = elements.filter((e) => !unsourced.has(norm(e))).length;
  const scenarios = input.scenarios.map((s, i) => {
    const label = `of scenario "${names[i]}"`;
    if (s.offsets.length !== strategies.length)
      throw invalidValue(`Scenario "${names[i]}" needs one offset per strategy (${strategies.length}).`);
    return {
      name: names[i],
      cut: requireFraction(s.cut, `Cut ${label}`),
      elasticity: requireElasticity(s.elasticity),
      offsets: s.offsets.map((o, j) => requireFraction(o, `Offset of ${strategies[j]} ${label}`)),
    };
  });
  const model = requirePriceModel(input.model ?? DEFAULT_PRICE_MODEL);

  const sheetKey = nameKey(sheetName);
  const name = (suffix: string) => `RARE_${sheetKey}_${suffix}`;
  const cells: PlanCell[] = [];
  const put = (cell: PlanCell) => cells.push(cell);
  const inputCells: InputCell[] = [];
  const namedRanges: NamedRange[] = [];
  const S = scenarios.length;
  const colOf = (i: number) => 2 + i;

  put({ row: 1, col: 1, value: "Scenario comparison", style: "title" });
  put({
    row: 2,
    col: 1,
    value:
      "Built by RARE. One column per scenario: edit its input cells and only its column recalculates. Type your exposures (tonnes of oxide) below. #N/A means the sources have no figure.",
    style: "note",
  });

  // Assumptions, one column per scenario.
  const scenarioRow = 4;
  const cutRow = 5;
  const elasticityRow = 6;
  const modelRow = 7;
  const offsetRows = strategies.map((_, j) => 8 + j);
  const mitigationRow = 8 + strategies.length;
  put({ row: scenarioRow, col: 1, value: "Assumption", style: "header" });
  scenarios.forEach((s, i) => put({ row: scenarioRow, col: colOf(i), value: s.name, style: "header" }));
  const addInput = (cell: Omit<InputCell, "name"> & { value: number | string; suffix: string }) => {
    put({ row: cell.row, col: cell.col, value: cell.value, numberFormat: cell.numberFormat, style: "input" });
    const { value: _v, suffix, ...rest } = cell;
    inputCells.push({ ...rest, name: name(suffix) });
    namedRanges.push({ name: name(suffix), row: cell.row, col: cell.col });
  };
  put({ row: cutRow, col: 1, value: "Export cut (share of China's supply withheld)", style: "label" });
  put({ row: elasticityRow, col: 1, value: "Price elasticity of demand (magnitude)", style: "label" });
  strategies.forEach((st, j) => put({ row: offsetRows[j], col: 1, value: `Mitigation offset: ${st}`, style: "label" }));
  put({ row: mitigationRow, col: 1, value: "Combined mitigation offset", style: "label" });
  scenarios.forEach((s, i) => {
    const col = colOf(i);
    const key = nameKey(s.name);
    const of = `${s.name}: `;
    addInput({
      kind: "cut",
      row: cutRow,
      col,
      value: s.cut,
      numberFormat: FORMATS.percent,
      label: `${of}export cut`,
      suffix: `${key}_Cut`,
    });
    addInput({
      kind: "elasticity",
      row: elasticityRow,
      col,
      value: s.elasticity,
      numberFormat: FORMATS.elasticity,
      label: `${of}elasticity`,
      suffix: `${key}_Elasticity`,
    });
    s.offsets.forEach((o, j) =>
      addInput({
        kind: "offset",
        row: offsetRows[j],
        col,
        value: o,
        numberFormat: FORMATS.percent,
        label: `${of}offset of ${strategies[j]}`,
        strategy: strategies[j],
        suffix: `${key}_Mit_${nameKey(strategies[j])}`,
      }),
    );
    put({
      row: mitigationRow,
      col,
      formula: combinedMitigationFormula(offsetRows.map((r) => a1(r, col, { row: true, col: false }))),
      numberFormat: FORMATS.percent,
    });
  });
  put({ row: modelRow, col: 1, value: "Price model, every scenario (constant or linear)", style: "label" });
  addInput({
    kind: "model",
    row: modelRow,
    col: 2,
    value: model,
    numberFormat: "General",
    label: "Price model (constant or linear)",
    suffix: "Model",
  });
  put({ row: modelRow, col: 3, value: PRICE_MODEL_NOTE, style: "note" });
  const modelRef = a1(modelRow, 2, true);

  // Exposures and the sourced figures per element.
  const exposureHeader = mitigationRow + 2;
  const firstElementRow = exposureHeader + 1;
  const n = elements.length;
  const elementRow = (e: number) => firstElementRow + e;
  ["Element", "Exposure (t)", "Base price (USD/kg)", "China share"].forEach((text, i) =>
    put({ row: exposureHeader, col: 1 + i, value: text, style: "header" }),
  );
  elements.forEach((element, e) => {
    const row = elementRow(e);
    put({ row, col: 1, value: element });
    put({ row, col: 2, numberFormat: FORMATS.tonnes, style: "input" });
    put({ row, col: 3, formula: `=RARE.PRICE(A${row})`, numberFormat: FORMATS.usdPerKg });
    put({ row, col: 4, formula: `=RARE.SHARE(A${row})`, numberFormat: FORMATS.percent });
  });
  const exposureRange: A1Rect = { row: firstElementRow, col: 2, rows: n, cols: 1 };
  namedRanges.push({ name: name("Exposure"), row: firstElementRow, col: 2, rows: n, cols: 1 });
  const exposureOf = (e: number) => a1(elementRow(e), 2, true);
  const priceOf = (e: number) => a1(elementRow(e), 3, true);

  // Summary blocks: element down, scenario across.
  const block = (
    top: number,
    title: string,
    format: string,
    formula: (e: number, col: number, row: number) => string,
  ): A1Rect => {
    put({ row: top, col: 1, value: title, style: "header" });
    scenarios.forEach((_, i) =>
      put({ row: top, col: colOf(i), formula: `=${a1(scenarioRow, colOf(i), true)}`, style: "header" }),
    );
    elements.forEach((_, e) => {
      put({ row: top + 1 + e, col: 1, formula: `=${a1(elementRow(e), 1, true)}` });
      scenarios.forEach((_s, i) =>
        put({ row: top + 1 + e, col: colOf(i), formula: formula(e, colOf(i), top + 1 + e), numberFormat: format }),
      );
    });
    return { row: top, col: 1, rows: n + 1, cols: S + 1 };
  };
  const pinRow = (row: number, col: number) => a1(row, col, { row: true, col: false });
  const gap = block(
    firstElementRow + n + 1,
    "Supply gap",
    FORMATS.percent,
    (_e, col, row) => `=RARE.GAP($A${row},${pinRow(cutRow, col)},${pinRow(mitigationRow, col)})`,
  );
  const change = block(
    gap.row + gap.rows + 1,
    "Price change",
    FORMATS.percent,
    (_e, col, row) =>
      `=RARE.PRICEIMPACT($A${row},${pinRow(cutRow, col)},${pinRow(elasticityRow, col)},${pinRow(mitigationRow, col)},${modelRef})`,
  );
  const cost = block(
    change.row + change.rows + 1,
    "Cost impact (USD)",
    FORMATS.usd,
    (e, col) => `=IF(ISNUMBER(${exposureOf(e)}),${exposureOf(e)}*1000*${priceOf(e)}*${a1(change.row + 1 + e, col)},"")`,
  );
  const totalRow = cost.row + cost.rows;
  put({ row: totalRow, col: 1, value: "Total cost impact (USD)", style: "label" });
  scenarios.forEach((_, i) =>
    put({
      row: totalRow,
      col: colOf(i),
      formula: `=SUM(${a1(cost.row + 1, colOf(i))}:${a1(cost.row + n, colOf(i))})`,
      numberFormat: FORMATS.usd,
    }),
  );
  const left = elements.slice(charted);
  put({
    row: totalRow + 1,
    col: 1,
    value: left.length
      ? `Left out of the charts and the tornado, as the sources give no China share: ${left.join(", ")}.`
      : "Every element has a sourced China share, so all are charted.",
    style: "note",
  });

  // Tornado: the first scenario's assumptions, one at a time.
  const base = 2; // column of the first scenario
  const assumptions = [
    { key: "cut", label: "Export cut", kind: "cut" as const, value: scenarios[0].cut, format: FORMATS.percent },
    {
      key: "elasticity",
      label: "Elasticity",
      kind: "elasticity" as const,
      value: scenarios[0].elasticity,
      format: FORMATS.elasticity,
    },
    ...strategies.map((st, j) => ({
      key: `offset:${j}`,
      label: `Offset: ${st}`,
      kind: "offset" as const,
      value: scenarios[0].offsets[j],
      format: FORMATS.percent,
    })),
  ];
  const order = input.tornadoOrder ?? [];
  const ordered = [
    ...order.map((k) => assumptions.find((a) => a.key === k)).filter((a): a is (typeof assumptions)[number] => !!a),
    ...assumptions.filter((a) => !order.includes(a.key)),
  ];
  const tornadoTitle = totalRow + 3;
  const tornadoHeader = tornadoTitle + 1;
  put({
    row: tornadoTitle,
    col: 1,
    value: `Tornado for "${scenarios[0].name}": total cost impact (USD), or the mean price change where no exposure is typed, with each assumption alone at its low and high bound (edit the bounds). Sorted by swing when written.`,
    style: "label",
  });
  TORNADO_HEADERS.forEach((text, i) => put({ row: tornadoHeader, col: 1 + i, value: text, style: "header" }));
  const workTitle = tornadoHeader + ordered.length + 2;
  const workHeader = workTitle + 1;
  put({
    row: workTitle,
    col: 1,
    value:
      "Tornado workings: per charted element, its cost impact (or price change where no exposure is typed) with one assumption at a bound.",
    style: "note",
  });
  put({ row: workHeader, col: 1, value: "Element", style: "header" });
  const exposures = charted ? `${exposureOf(0)}:${exposureOf(charted - 1)}` : "";
  const offsetRef = (j: number) => a1(offsetRows[j], base, true);
  const mitigationRef = a1(mitigationRow, base, true);
  const mitigationWith = (j: number, bound: string) =>
    `(1-(1-${bound})${offsetRows.map((_, i) => (i === j ? "" : `*(1-${offsetRef(i)})`)).join("")})`;
  ordered.forEach((a, r) => {
    const row = tornadoHeader + 1 + r;
    const lowCol = 5;
    const highCol = 6;
    put({ row, col: 1, value: a.label, style: "label" });
    const bounds = input.bounds?.get(a.key) ?? defaultBounds(a.kind, a.value);
    for (const [col, value, which] of [
      [lowCol, bounds.low, "low"],
      [highCol, bounds.high, "high"],
    ] as const) {
      const label = `Tornado ${which} bound: ${a.label}`;
      put({ row, col, value, numberFormat: a.format, style: "input" });
      const boundName = name(`Tornado_${a.key.replace(":", "_")}_${which}`);
      inputCells.push({ kind: a.kind, row, col, label, name: boundName, numberFormat: a.format });
      namedRanges.push({ name: boundName, row, col });
    }
    // Workings: two columns per assumption (low, high), one row per charted element.
    [lowCol, highCol].forEach((boundCol, b) => {
      const workCol = 2 + r * 2 + b;
      const bound = a1(row, boundCol, true);
      put({ row: workHeader, col: workCol, value: `${a.label} ${b === 0 ? "low" : "high"}`, style: "header" });
      for (let e = 0; e < charted; e++) {
        const cut = a.key === "cut" ? bound : a1(cutRow, base, true);
        const elasticity = a.key === "elasticity" ? bound : a1(elasticityRow, base, true);
        const mitigation = a.kind === "offset" ? mitigationWith(Number(a.key.slice(7)), bound) : mitigationRef;
        const impact = `RARE.PRICEIMPACT(${a1(elementRow(e), 1, true)},${cut},${elasticity},${mitigation},${modelRef})`;
        const ex = exposureOf(e);
        put({
          row: workHeader + 1 + e,
          col: workCol,
          formula: `=IF(COUNT(${exposures})>0,IF(ISNUMBER(${ex}),${ex}*1000*${priceOf(e)}*${impact},0),${impact})`,
          numberFormat: "#,##0.00",
        });
      }
      const column = charted
        ? `${a1(workHeader + 1, workCol)}:${a1(workHeader + charted, workCol)}`
        : a1(workHeader + 1, workCol);
      put({
        row,
        col: 2 + b,
        formula: charted ? `=IF(COUNT(${exposures})>0,SUM(${column}),AVERAGE(${column}))` : "=0",
        numberFormat: "#,##0.00",
      });
    });
    put({ row, col: 4, formula: `=ABS(${a1(row, 3)}-${a1(row, 2)})`, numberFormat: "#,##0.00" });
  });
  for (let e = 0; e < charted; e++) put({ row: workHeader + 1 + e, col: 1, formula: `=${a1(elementRow(e), 1, true)}` });
  const tornado: A1Rect = { row: tornadoHeader, col: 1, rows: ordered.length + 1, cols: TORNADO_HEADERS.length };
  const lastRow = workHeader + Math.max(1, charted);

  const chartCol = Math.max(S + 3, TORNADO_HEADERS.length + 2);
  const charts: ChartPlan[] = [
    {
      name: name("Chart"),
      type: "column",
      title: "Price change by element and scenario",
      valueFormat: "0%",
      dataRect: { row: change.row, col: 1, rows: charted + 1, cols: S + 1 },
      anchorRow: scenarioRow,
      anchorCol: chartCol,
    },
    {
      name: name("Tornado"),
      type: "bar",
      title: `Tornado for "${scenarios[0].name}": outcome at each assumption's low and high bound`,
      valueFormat: "#,##0.00",
      dataRect: { row: tornadoHeader, col: 1, rows: ordered.length + 1, cols: 3 },
      anchorRow: tornadoTitle,
      anchorCol: chartCol,
    },
  ];

  return {
    sheetName,
    sheetKey,
    cells,
    namedRanges,
    inputCells,
    exposureRange,
    extent: {
      row: 1,
      col: 1,
      rows: lastRow,
      cols: Math.max(S + 1, TORNADO_HEADERS.length, 1 + ordered.length * 2, 4),
    },
    charts,
    anchors: {
      scenarioRow,
      cutRow,
      elasticityRow,
      model: { row: modelRow, col: 2 },
      offsetRows,
      mitigationRow,
      firstElementRow,
      gap,
      change,
      cost,
      totalRow,
      tornado,
      tornadoKeys: ordered.map((a) => a.key),
    },
  };
}
