/**
 * Draws the preview workbook: one <table> per sheet (its <caption> is the sheet name),
 * table headers as <th scope="col">, input cells as labelled <input>s that write back and
 * recalculate, charts as inline SVG with an accessible title and a text description.
 *
 * Cell content is hostile (imported files): everything goes through textContent,
 * setAttribute or `input.value`, never innerHTML. The DOM comes from the container's own
 * document, so the renderer needs no globals.
 */
import type { PreviewWorkbook } from "./preview";
import { type ChartBox, DEFAULT_BOX, chartShapes } from "./preview-chart";
import {
  type CellView,
  type ChartView,
  type SheetView,
  DEFAULT_MAX_ROWS,
  buildSheetViews,
  describeChart,
} from "./preview-view";

export interface PreviewRenderOptions {
  /** Rows shown per sheet (default 200); the rest are counted, not drawn. */
  readonly maxRows?: number;
  readonly chartBox?: ChartBox;
}

export interface PreviewRenderHandle {
  /** Redraws: in place when only values changed, from scratch otherwise. */
  refresh(structural?: boolean): void;
  /** Stops following the workbook. */
  dispose(): void;
}

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#0f6cbd", "#c4314b", "#107c10", "#8764b8", "#ca5010"];
let idCounter = 0;

export function renderPreview(
  workbook: PreviewWorkbook,
  container: HTMLElement,
  options: PreviewRenderOptions = {},
): PreviewRenderHandle {
  const doc = container.ownerDocument;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const box = options.chartBox ?? DEFAULT_BOX;
  let cells = new Map<string, HTMLElement>();
  let charts = new Map<string, HTMLElement>();

  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    text?: string,
  ): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const cellElement = (sheet: string, view: CellView): HTMLElement => {
    const key = `${sheet}!${view.ref}`;
    if (view.kind === "header") {
      const th = el("th", { scope: "col", "data-cell": view.ref }, view.text);
      cells.set(key, th);
      return th;
    }
    const td = el("td", { "data-cell": view.ref });
    if (view.numeric) td.setAttribute("data-numeric", "");
    if (view.title) td.setAttribute("title", view.title);
    if (view.kind === "input") {
      const input = el("input", {
        type: "text",
        "aria-label": view.label ?? view.ref,
        "data-cell": view.ref,
        "data-sheet": sheet,
      });
      input.value = view.text;
      input.addEventListener("change", () => workbook.editCell(sheet, view.row, view.col, input.value));
      td.appendChild(input);
      cells.set(key, input);
    } else {
      td.textContent = view.text;
      cells.set(key, td);
    }
    return td;
  };

  const chartFigure = (view: ChartView): HTMLElement => {
    const figure = el("figure", { class: "rare-preview-chart", "data-chart": view.name });
    fillChart(figure, view);
    return figure;
  };

  const fillChart = (figure: HTMLElement, view: ChartView): void => {
    while (figure.firstChild) figure.removeChild(figure.firstChild);
    const id = `rare-chart-${++idCounter}`;
    const svg = doc.createElementNS(SVG, "svg");
    const attrs: Record<string, string> = {
      role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`,
      viewBox: `0 0 ${box.width} ${box.height}`,
      width: String(box.width),
      height: String(box.height),
    };
    for (const [k, v] of Object.entries(attrs)) svg.setAttribute(k, v);
    const svgEl = (tag: string, a: Record<string, string | number>, text?: string): Element => {
      const e = doc.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(a)) e.setAttribute(k, String(v));
      if (text !== undefined) e.textContent = text;
      svg.appendChild(e);
      return e;
    };
    svgEl("title", { id: `${id}-title` }, view.title);
    svgEl("desc", { id: `${id}-desc` }, describeChart(view));
    const shapes = chartShapes(view, box);
    for (const bar of shapes.bars) {
      svgEl("rect", {
        x: bar.x,
        y: bar.y,
        width: bar.width,
        height: bar.height,
        fill: COLOURS[bar.series % COLOURS.length],
      });
    }
    for (const line of shapes.lines) {
      for (const points of line.segments) {
        svgEl("polyline", { points, fill: "none", stroke: COLOURS[line.series % COLOURS.length], "stroke-width": 2 });
      }
    }
    svgEl("line", { ...shapes.axis, stroke: "#616161", "stroke-width": 1 });
    svgEl("text", { x: box.padding, y: box.padding / 2, "font-size": 12, "aria-hidden": "true" }, view.title);
    // Labels are drawn for sighted readers; the <desc> already says the same in words.
    for (const t of [...shapes.categoryLabels, ...shapes.valueLabels])
      svgEl("text", { x: t.x, y: t.y, "font-size": 9, "text-anchor": t.anchor, "aria-hidden": "true" }, t.text);
    for (const entry of shapes.legend) {
      svgEl("rect", { x: entry.x, y: entry.y - 8, width: 8, height: 8, fill: COLOURS[entry.series % COLOURS.length] });
      svgEl("text", { x: entry.x + 11, y: entry.y, "font-size": 9, "aria-hidden": "true" }, entry.text);
    }
    figure.appendChild(svg);
  };

  const sheetSection = (view: SheetView): HTMLElement => {
    const section = el("section", { class: "rare-preview-sheet", "data-sheet": view.name });
    if (view.active) section.setAttribute("data-active", "");
    const table = el("table");
    table.appendChild(el("caption", {}, view.name));
    const body = el("tbody");
    for (const row of view.rows) {
      const tr = el("tr");
      for (const cell of row) tr.appendChild(cellElement(view.name, cell));
      body.appendChild(tr);
    }
    table.appendChild(body);
    section.appendChild(table);
    if (view.hiddenRows > 0) {
      section.appendChild(
        el(
          "p",
          { class: "rare-preview-more" },
          `${view.hiddenRows.toLocaleString("en-US")} more rows are not shown in the preview.`,
        ),
      );
    }
    for (const chart of view.charts) {
      const figure = chartFigure(chart);
      charts.set(`${view.name}!${chart.name}`, figure);
      section.appendChild(figure);
    }
    return section;
  };

  const rebuild = (): void => {
    const focused = doc.activeElement as HTMLElement | null;
    const focusKey = focused?.getAttribute?.("data-sheet")
      ? `${focused.getAttribute("data-sheet")}!${focused.getAttribute("data-cell")}`
      : null;
    cells = new Map();
    charts = new Map();
    while (container.firstChild) container.removeChild(container.firstChild);
    for (const view of buildSheetViews(workbook, maxRows)) container.appendChild(sheetSection(view));
    if (focusKey) cells.get(focusKey)?.focus();
  };

  const update = (): void => {
    for (const view of buildSheetViews(workbook, maxRows)) {
      for (const row of view.rows) {
        for (const cell of row) {
          const target = cells.get(`${view.name}!${cell.ref}`);
          if (!target) continue;
          if (cell.kind === "input") {
            const input = target as HTMLInputElement;
            if (input !== doc.activeElement && input.value !== cell.text) input.value = cell.text;
          } else {
            if (target.textContent !== cell.text) target.textContent = cell.text;
            if (cell.title) target.setAttribute("title", cell.title);
            else target.removeAttribute("title");
          }
        }
      }
      for (const chart of view.charts) {
        const figure = charts.get(`${view.name}!${chart.name}`);
        if (figure) fillChart(figure, chart);
      }
    }
  };

  rebuild();
  const unsubscribe = workbook.subscribe((change) => (change.structural ? rebuild() : update()));
  return {
    refresh: (structural = true) => (structural ? rebuild() : update()),
    dispose: unsubscribe,
  };
}
