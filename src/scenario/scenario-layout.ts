/**
 * buildScenarioSheet: the plan of a scenario sheet. Every figure on it is a formula on RARE
 * functions or on the assumption cells, so editing an assumption recalculates the whole
 * sheet in Excel (and in the preview, which evaluates the same formula text).
 *
 * Formulas refer to the assumption cells by absolute A1 references ($B$8), not by the named
 * ranges the plan also defines. Both engines could resolve names (fast-formula-parser has an
 * `onVariable` hook, see ffp-adapter.ts), but plain references keep the sheet
 * self-contained: it works before, without, or after the names exist, survives a host that
 * cannot create names, and one formula text is checked by the tests for both engines. The
 * names are there for the user's own formulas (=RARE_<sheet>_Cut).
 *
 * Structured references ([@Element]) are avoided for the same reason: fast-formula-parser
 * does not parse them.
 */
import { invalidValue } from "../data/errors";
import { isFormulaLike } from "../excel/formula-lead";
import { DEFAULT_ELASTICITY, findRiskFactorPreset } from "../model/presets";
import { DEFAULT_PRICE_MODEL, type PriceModel, requirePriceModel } from "../model/price-model";
import { formatNumber, requireElasticity, requireFraction } from "../model/scenario-inputs";
import { formulaString, nameKey, requireSheetName } from "./scenario-names";
import { a1, type A1Cell, type A1Rect } from "../excel/a1";
import type { InputCell, NamedRange, PlanCell, SheetPlan } from "./plan";

export interface ScenarioStrategyInput {
  /** Strategy name as in the dataset (seed article table), e.g. "Recycling Programs". */
  readonly name: string;
  /** Mitigation offset 0..1 (an assumption; presets.ts has defaults). */
  readonly offset: number;
}

export interface ScenarioSheetInput {
  readonly sheetName: string;
  /** Risk factor name as in the dataset, e.g. "Export Quotas". */
  readonly riskFactor: string;
  readonly strategies: readonly ScenarioStrategyInput[];
  /** One table row each, in this order. */
  readonly elements: readonly string[];
  /** Export cut 0..1. */
  readonly cut: number;
  /** Price elasticity of demand, magnitude > 0. */
  readonly elasticity: number;
  /** RARE.PRICEIMPACT's model; omitted → "constant". */
  readonly model?: PriceModel;
  /** Year of the base price; omitted/null → RARE.PRICE's latest year. */
  readonly priceYear?: number | null;
}

/** Scenario table headers, in column order (A…I). updateScenarioSheet finds columns by them. */
export const TABLE_HEADERS = [
  "Element",
  "China share",
  "Supply gap",
  "Base price (USD/kg)",
  "Price change",
  "Exposure (t)",
  "Cost impact (USD)",
  "Share source",
  "Price source",
] as const;

/** 1-based table columns. */
export const COL = {
  element: 1,
  share: 2,
  gap: 3,
  price: 4,
  change: 5,
  exposure: 6,
  cost: 7,
  shareSource: 8,
  priceSource: 9,
} as const;

/** Cuts of the sensitivity grid: 10 % … 100 %, written as exact decimals (0.3, not 3 × 0.1). */
export const GRID_CUTS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;

export const FORMATS = {
  percent: "0.0%",
  elasticity: "0.00",
  usdPerKg: "$#,##0.00",
  usd: "$#,##0",
  tonnes: "#,##0.0",
} as const;

const ASSUMPTION_STATUS = "Assumption (editable)";

/** What the model cell means, next to it on every sheet that has one. */
export const PRICE_MODEL_NOTE =
  "constant: price change = (1 − gap)^(−1/elasticity) − 1, constant-elasticity demand (a 100% gap is #NUM!); linear: gap ÷ elasticity, its first-order approximation, lower for large gaps.";

/** First rows of the sheet; everything below is placed relative to these. */
const ROW = {
  title: 1,
  intro: 2,
  impact: 3,
  mitigationText: 4,
  riskSource: 5,
  assumptionsHeader: 7,
  cut: 8,
  elasticity: 9,
  model: 10,
} as const;

function requireElements(elements: readonly string[]): string[] {
  if (!Array.isArray(elements) || elements.length === 0) throw invalidValue("Choose at least one element.");
  const seen = new Set<string>();
  return elements.map((raw: unknown) => {
    const element = typeof raw === "string" ? raw.trim() : "";
    if (element === "") throw invalidValue("Element names must not be blank.");
    // Element names are written to cells as values. The untrimmed text is checked too: a tab
    // or CR lead is how CSV-injection payloads hide a formula, so it is refused, not trimmed.
    if (isFormulaLike(element) || isFormulaLike(raw))
      throw invalidValue(`Element "${element}" must not start with = + - @, a tab or a carriage return.`);
    const key = element.toLowerCase();
    if (seen.has(key)) throw invalidValue(`Element "${element}" is listed twice.`);
    seen.add(key);
    return element;
  });
}

function requireStrategies(strategies: readonly ScenarioStrategyInput[]): ScenarioStrategyInput[] {
  const seen = new Set<string>();
  return strategies.map(({ name, offset }) => {
    const trimmed = typeof name === "string" ? name.trim() : "";
    if (trimmed === "") throw invalidValue("Strategy names must not be blank.");
    if (seen.has(trimmed.toLowerCase())) throw invalidValue(`Strategy "${trimmed}" is listed twice.`);
    seen.add(trimmed.toLowerCase());
    return { name: trimmed, offset: requireFraction(offset, `Mitigation offset of ${trimmed}`) };
  });
}

function requirePriceYear(year: number | null | undefined): number | null {
  if (year === undefined || year === null) return null;
  if (!Number.isInteger(year)) throw invalidValue(`Price year must be a whole year, got ${String(year)}.`);
  return year;
}

/** 1 − Π(1 − offset): written out term by term, no array formula needed in any Excel. */
export function combinedMitigationFormula(offsetRefs: readonly string[]): string {
  return offsetRefs.length === 0 ? "=0" : `=1-${offsetRefs.map((ref) => `(1-${ref})`).join("*")}`;
}

const percentText = (fraction: number) => `${formatNumber(fraction * 100)}%`;

export function buildScenarioSheet(input: ScenarioSheetInput): SheetPlan {
  const sheetName = requireSheetName(input.sheetName);
  const riskFactor = typeof input.riskFactor === "string" ? input.riskFactor.trim() : "";
  if (riskFactor === "") throw invalidValue("Choose a risk factor.");
  const elements = requireElements(input.elements);
  const strategies = requireStrategies(input.strategies);
  const cut = requireFraction(input.cut, "Cut");
  const elasticity = requireElasticity(input.elasticity);
  const model = requirePriceModel(input.model ?? DEFAULT_PRICE_MODEL);
  const priceYear = requirePriceYear(input.priceYear);

  const sheetKey = nameKey(sheetName);
  const name = (suffix: string) => `RARE_${sheetKey}_${suffix}`;
  const cells: PlanCell[] = [];
  const put = (cell: PlanCell) => cells.push(cell);
  const risk = formulaString(riskFactor);

  // Title and the risk factor, as the dataset states it, with its source.
  put({ row: ROW.title, col: 1, value: `Scenario: ${riskFactor}`, style: "title" });
  put({
    row: ROW.intro,
    col: 1,
    value:
      "Built by RARE. Edit the assumption cells; every figure below is a formula and recalculates. #N/A means the sources have no figure.",
    style: "note",
  });
  put({ row: ROW.impact, col: 1, value: "Potential impact", style: "label" });
  put({ row: ROW.impact, col: 2, formula: `=RARE.RISK(${risk})` });
  put({ row: ROW.mitigationText, col: 1, value: "Mitigation strategy", style: "label" });
  put({ row: ROW.mitigationText, col: 2, formula: `=RARE.RISK(${risk},"mitigation")` });
  put({ row: ROW.riskSource, col: 1, value: "Source", style: "label" });
  put({ row: ROW.riskSource, col: 2, formula: `=RARE.SOURCE("risk",${risk})` });

  // Assumptions: judgement, not data, each an editable input with a name.
  ["Assumption", "Value", "Status", "Note"].forEach((text, i) =>
    put({ row: ROW.assumptionsHeader, col: i + 1, value: text, style: "header" }),
  );
  const inputCells: InputCell[] = [];
  const namedRanges: NamedRange[] = [];
  const addInput = (
    cell: Omit<InputCell, "col" | "numberFormat"> & { value: number | string; numberFormat: string; note?: PlanCell },
  ) => {
    put({ row: cell.row, col: 1, value: cell.label, style: "label" });
    put({ row: cell.row, col: 2, value: cell.value, numberFormat: cell.numberFormat, style: "input" });
    put({ row: cell.row, col: 3, value: ASSUMPTION_STATUS, style: "note" });
    if (cell.note) put(cell.note);
    const { value: _value, note: _note, ...rest } = cell;
    inputCells.push({ ...rest, col: 2 });
    namedRanges.push({ name: cell.name, row: cell.row, col: 2 });
  };

  const preset = findRiskFactorPreset(riskFactor);
  addInput({
    kind: "cut",
    row: ROW.cut,
    label: "Export cut (share of China's supply withheld)",
    name: name("Cut"),
    value: cut,
    numberFormat: FORMATS.percent,
    note: {
      row: ROW.cut,
      col: 4,
      value: preset
        ? `Judgement, not data. Preset ${percentText(preset.cut.value)}: ${preset.cut.rationale}`
        : "Judgement, not data: the fraction of China's supply withheld.",
      style: "note",
    },
  });
  addInput({
    kind: "elasticity",
    row: ROW.elasticity,
    label: "Price elasticity of demand (magnitude)",
    name: name("Elasticity"),
    value: elasticity,
    numberFormat: FORMATS.elasticity,
    note: {
      row: ROW.elasticity,
      col: 4,
      value: `Judgement, not data. Default ${formatNumber(DEFAULT_ELASTICITY.value)}: ${DEFAULT_ELASTICITY.rationale}`,
      style: "note",
    },
  });
  addInput({
    kind: "model",
    row: ROW.model,
    label: "Price model (constant or linear)",
    name: name("Model"),
    value: model,
    numberFormat: "General",
    note: { row: ROW.model, col: 4, value: PRICE_MODEL_NOTE, style: "note" },
  });

  const offsets = strategies.map((strategy, i) => {
    const row = ROW.model + 1 + i;
    addInput({
      kind: "offset",
      row,
      label: `Mitigation offset: ${strategy.name}`,
      name: name(`Mit_${nameKey(strategy.name)}`),
      strategy: strategy.name,
      value: strategy.offset,
      numberFormat: FORMATS.percent,
    });
    // The strategy's benefit and source come from the dataset, next to the judged offset.
    put({ row, col: 4, formula: `=RARE.STRATEGY(${formulaString(strategy.name)})` });
    put({ row, col: 5, formula: `=RARE.SOURCE("strategy",${formulaString(strategy.name)})` });
    return { row, col: 2, strategy: strategy.name };
  });

  const mitigation: A1Cell = { row: ROW.model + 1 + strategies.length, col: 2 };
  put({ row: mitigation.row, col: 1, value: "Combined mitigation offset", style: "label" });
  put({
    row: mitigation.row,
    col: 2,
    formula: combinedMitigationFormula(offsets.map((o) => a1(o.row, o.col, true))),
    numberFormat: FORMATS.percent,
  });
  put({ row: mitigation.row, col: 3, value: "Computed", style: "note" });
  put({
    row: mitigation.row,
    col: 4,
    value:
      offsets.length === 0
        ? "No strategies chosen: no mitigation."
        : "1 − (1 − offset 1) × (1 − offset 2) × …: each strategy closes its share of what the others leave open, so offsets never add past 100%.",
    style: "note",
  });
  namedRanges.push({ name: name("Mitigation"), ...mitigation });

  // Scenario table: one row per element.
  const cutRef = a1(ROW.cut, 2, true);
  const elasticityRef = a1(ROW.elasticity, 2, true);
  const modelRef = a1(ROW.model, 2, true);
  const mitigationRef = a1(mitigation.row, mitigation.col, true);
  const headerRow = mitigation.row + 2;
  const firstElementRow = headerRow + 1;
  const lastElementRow = headerRow + elements.length;
  TABLE_HEADERS.forEach((text, i) => put({ row: headerRow, col: i + 1, value: text, style: "header" }));
  const yearArg = priceYear === null ? "" : `,${priceYear}`;
  elements.forEach((element, i) => {
    const row = firstElementRow + i;
    const ref = (col: number) => a1(row, col);
    const el = ref(COL.element);
    put({ row, col: COL.element, value: element });
    put({ row, col: COL.share, formula: `=RARE.SHARE(${el})`, numberFormat: FORMATS.percent });
    put({ row, col: COL.gap, formula: `=RARE.GAP(${el},${cutRef},${mitigationRef})`, numberFormat: FORMATS.percent });
    // #N/A where the sources have no price is the honest display: no IFERROR here.
    put({ row, col: COL.price, formula: `=RARE.PRICE(${el}${yearArg})`, numberFormat: FORMATS.usdPerKg });
    put({
      row,
      col: COL.change,
      formula: `=RARE.PRICEIMPACT(${el},${cutRef},${elasticityRef},${mitigationRef},${modelRef})`,
      numberFormat: FORMATS.percent,
    });
    put({ row, col: COL.exposure, numberFormat: FORMATS.tonnes, style: "input" });
    // Blank until the user enters an exposure: a blank is the honest "not asked", 0 is not.
    put({
      row,
      col: COL.cost,
      formula: `=IF(ISNUMBER(${ref(COL.exposure)}),${ref(COL.exposure)}*1000*${ref(COL.price)}*${ref(COL.change)},"")`,
      numberFormat: FORMATS.usd,
    });
    put({ row, col: COL.shareSource, formula: `=RARE.SOURCE("share",${el})` });
    put({ row, col: COL.priceSource, formula: `=RARE.SOURCE("price",${el}${yearArg})` });
  });
  const tableRect: A1Rect = { row: headerRow, col: 1, rows: elements.length + 1, cols: TABLE_HEADERS.length };
  const exposureRange: A1Rect = { row: firstElementRow, col: COL.exposure, rows: elements.length, cols: 1 };
  namedRanges.push({
    name: name("Exposure"),
    row: exposureRange.row,
    col: exposureRange.col,
    rows: exposureRange.rows,
    cols: 1,
  });

  const totalCost: A1Cell = { row: lastElementRow + 2, col: COL.cost };
  put({ row: totalCost.row, col: COL.exposure, value: "Total cost impact (USD)", style: "label" });
  put({
    ...totalCost,
    formula: `=SUM(${a1(firstElementRow, COL.cost)}:${a1(lastElementRow, COL.cost)})`,
    numberFormat: FORMATS.usd,
  });
  put({
    row: totalCost.row + 1,
    col: 1,
    value: "Exposure: tonnes of the oxide the base price refers to.",
    style: "note",
  });

  // Sensitivity grid: supply gap for each cut (down) and element (across).
  const gridTitleRow = totalCost.row + 3;
  const gridHeaderRow = gridTitleRow + 1;
  put({
    row: gridTitleRow,
    col: 1,
    value:
      "Sensitivity: supply gap by export cut (rows: the current cut, then 10% to 100%) and element (columns), with the combined mitigation above",
    style: "label",
  });
  put({ row: gridHeaderRow, col: 1, value: "Export cut", style: "header" });
  elements.forEach((_element, i) => {
    // Linked to the table so renaming an element there renames it here.
    put({ row: gridHeaderRow, col: 2 + i, formula: `=${a1(firstElementRow + i, COL.element, true)}`, style: "header" });
  });
  // The first row follows the Cut assumption, so the grid shows where the current scenario
  // sits among the fixed cuts below it (and changes when the assumption does).
  const currentCut: A1Cell = { row: gridHeaderRow + 1, col: 1 };
  const gridRow = (row: number, cutCell: PlanCell) => {
    put(cutCell);
    elements.forEach((_element, i) => {
      const col = 2 + i;
      const elementRef = a1(gridHeaderRow, col, { row: true, col: false });
      const gridCutRef = a1(row, 1, { row: false, col: true });
      put({
        row,
        col,
        formula: `=RARE.GAP(${elementRef},${gridCutRef},${mitigationRef})`,
        numberFormat: FORMATS.percent,
      });
    });
  };
  gridRow(currentCut.row, { ...currentCut, formula: `=${cutRef}`, numberFormat: FORMATS.percent, style: "label" });
  // Its label sits right of the grid: column A holds the cut the row's formulas read.
  put({
    row: currentCut.row,
    col: 2 + elements.length,
    value: `Current cut (the Export cut assumption, ${a1(ROW.cut, 2)})`,
    style: "note",
  });
  GRID_CUTS.forEach((gridCut, r) => {
    const row = currentCut.row + 1 + r;
    gridRow(row, { row, col: 1, value: gridCut, numberFormat: FORMATS.percent, style: "label" });
  });
  const grid: A1Rect = { row: gridHeaderRow, col: 1, rows: GRID_CUTS.length + 2, cols: elements.length + 1 };
  const lastRow = currentCut.row + GRID_CUTS.length;

  return {
    sheetName,
    sheetKey,
    cells,
    namedRanges,
    table: { name: name("Table"), rect: tableRect, hasHeaders: true },
    chart: {
      name: name("Chart"),
      type: "column",
      title: "China share and supply gap by element (% of the element's supply)",
      valueFormat: "0%",
      // Element | China share | Supply gap: adjacent columns, so one contiguous range.
      dataRect: { row: headerRow, col: COL.element, rows: elements.length + 1, cols: COL.gap },
      anchorRow: lastRow + 2,
      anchorCol: 1,
    },
    inputCells,
    exposureRange,
    extent: { row: 1, col: 1, rows: lastRow, cols: Math.max(TABLE_HEADERS.length, grid.cols + 1) },
    anchors: {
      cut: { row: ROW.cut, col: 2 },
      elasticity: { row: ROW.elasticity, col: 2 },
      model: { row: ROW.model, col: 2 },
      mitigation,
      offsets,
      firstElementRow,
      totalCost,
      grid,
      currentCut,
    },
  };
}
