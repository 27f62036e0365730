/**
 * Draws the preview workbook as a live sheet: a name box ("Cell") and a formula bar
 * ("Formula") that edit the selected cell, sheet tabs, and one <table role="grid"> per sheet
 * (its <caption> is the sheet name) with A/B/C column and 1/2/3 row headings. Every cell
 * carries its address (data-address="B2"); table headers are <th>, input cells labelled
 * <input>s that write back and recalculate, charts inline SVG with an accessible title and
 * a text description. The grid moves as Excel's does: arrows, Enter/Shift+Enter, Tab/Shift+Tab,
 * F2 to edit, typing replaces, Delete clears (one roving tab stop). An error's message shows
 * on hover (title) and, for the selected cell, under the formula bar; an entity's card
 * shows beside the grid while its cell is selected.
 *
 * Cell content is hostile (imported files): everything goes through textContent,
 * setAttribute or `input.value`, never innerHTML. The DOM comes from the container's own
 * document, so the renderer needs no globals.
 */
import { cellAddress, columnLetters, parseAddress } from "../../src/excel/a1";
import { isErrorValue, type EntityValue } from "../../src/excel/values";
import type { PreviewWorkbook } from "./preview";
import { entityCard } from "./preview-card";
import { type ChartBox, DEFAULT_BOX, chartShapes } from "./preview-chart";
import {
  type CellView,
  type ChartView,
  type SheetView,
  DEFAULT_MAX_ROWS,
  buildSheetViews,
  describeChart,
  editText,
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

  // --- the live sheet's chrome: name box, formula bar, message, tabs, card -----------------
  const bar = el("div", { class: "rare-sheet-bar" });
  const nameBox = el("input", { type: "text", id: "rare-name-box", "aria-label": "Cell", autocomplete: "off" });
  const formulaBox = el("input", { type: "text", id: "rare-formula", "aria-label": "Formula", autocomplete: "off" });
  for (const part of [
    el("label", { for: "rare-name-box" }, "Cell"),
    nameBox,
    el("label", { for: "rare-formula" }, "Formula"),
    formulaBox,
  ])
    bar.appendChild(part);
  const message = el("p", { id: "rare-cell-message", class: "rare-cell-message", role: "status" });
  const tabs = el("nav", { class: "rare-sheet-tabs", "aria-label": "Sheets" });
  const sheetsArea = el("div", { class: "rare-preview-sheets" });
  const card = el("aside", { class: "rare-entity-card", "aria-label": "Card" });
  card.hidden = true;
  const body = el("div", { class: "rare-preview-body" });
  body.appendChild(sheetsArea);
  body.appendChild(card);
  for (const part of [bar, message, tabs, body]) container.appendChild(part);
  /** The selected cell's element, the sheet tabs and sections by sheet name (no selector queries). */
  let selectedBox: HTMLElement | null = null;
  let selectedStop: HTMLElement | null = null;
  const tabButtons = new Map<string, HTMLElement>();
  const sections = new Map<string, HTMLElement>();

  /** The selected cell; the first sheet's A1 until the user picks one. */
  let selected: { sheet: string; row: number; col: number } | null = null;
  /** The formula bar's text when editing began, to tell an edit from a look. */
  let editing: string | null = null;
  const keyOf = (sheet: string, row: number, col: number) => `${sheet}!${cellAddress({ row, col })}`;
  const sizes = new Map<string, { rows: number; cols: number }>();

  const cellElement = (sheet: string, view: CellView): HTMLElement => {
    const key = `${sheet}!${view.ref}`;
    if (view.kind === "header") {
      const th = el("th", { scope: "col", "data-cell": view.ref, "data-address": view.ref }, view.text);
      decorate(th, sheet, view);
      cells.set(key, th);
      return th;
    }
    const td = el("td", { "data-cell": view.ref, "data-address": view.ref });
    if (view.numeric) td.setAttribute("data-numeric", "");
    decorate(td, sheet, view);
    if (view.kind === "input") {
      const input = el("input", {
        type: "text",
        "aria-label": view.label ?? view.ref,
        "data-cell": view.ref,
        "data-sheet": sheet,
      });
      input.value = view.text;
      input.addEventListener("change", () => workbook.editCell(sheet, view.row, view.col, input.value));
      input.addEventListener("focus", () => select(sheet, view.row, view.col, false));
      td.appendChild(input);
      cells.set(key, input);
    } else {
      td.textContent = view.text;
      cells.set(key, td);
    }
    return td;
  };

  /** Attributes every grid cell carries: its tab stop, error title, spill and entity marks. */
  const decorate = (cell: HTMLElement, sheet: string, view: CellView): void => {
    if (view.kind !== "input") {
      cell.setAttribute("tabindex", "-1");
      cell.setAttribute("data-sheet", sheet);
    }
    if (view.title) cell.setAttribute("title", view.title);
    else cell.removeAttribute("title");
    if (view.spilled) cell.setAttribute("data-spilled", "");
    else cell.removeAttribute("data-spilled");
    if (view.entity) cell.setAttribute("data-entity", "");
    else cell.removeAttribute("data-entity");
  };

  /** The element that holds a cell's tab stop (its <input> for an input cell). */
  const focusTarget = (sheet: string, row: number, col: number): HTMLElement | undefined =>
    cells.get(keyOf(sheet, row, col));
  const cellBox = (sheet: string, row: number, col: number): HTMLElement | undefined => {
    const target = focusTarget(sheet, row, col);
    return target?.tagName === "INPUT" ? (target.parentElement ?? undefined) : target;
  };

  const showSelection = (): void => {
    selectedBox?.setAttribute("aria-selected", "false");
    selectedBox?.removeAttribute("aria-describedby");
    if (selectedStop?.tagName !== "INPUT") selectedStop?.setAttribute("tabindex", "-1");
    if (!selected) return;
    const { sheet, row, col } = selected;
    const box = cellBox(sheet, row, col);
    box?.setAttribute("aria-selected", "true");
    const target = focusTarget(sheet, row, col);
    if (target && target.tagName !== "INPUT") target.setAttribute("tabindex", "0");
    selectedBox = box ?? null;
    selectedStop = target ?? null;
    nameBox.value = cellAddress({ row, col });
    const s = workbook.sheet(sheet);
    if (doc.activeElement !== formulaBox || editing === null) formulaBox.value = editText(s, row, col);
    const value = s.value(row, col);
    message.textContent =
      isErrorValue(value) && value.message ? `${cellAddress({ row, col })}: ${value.error} ${value.message}` : "";
    if (box) {
      if (message.textContent) box.setAttribute("aria-describedby", "rare-cell-message");
      else box.removeAttribute("aria-describedby");
    }
    for (const [name, b] of tabButtons)
      if (name === sheet) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    drawCard(s.entity(row, col));
  };

  const drawCard = (entity: EntityValue | undefined): void => {
    while (card.firstChild) card.removeChild(card.firstChild);
    card.hidden = !entity;
    if (!entity) return;
    const view = entityCard(entity);
    card.setAttribute("aria-label", `Card: ${view.title}`);
    card.appendChild(el("h3", {}, view.title));
    for (const section of view.sections) {
      if (section.title) card.appendChild(el("h4", {}, section.title));
      const dl = el("dl");
      for (const r of section.rows) {
        dl.appendChild(el("dt", {}, r.name));
        const dd = el("dd", {}, r.table ? "" : r.text);
        if (r.table) {
          const t = el("table", { class: "rare-card-array" });
          t.appendChild(el("caption", {}, r.name));
          for (const cellsOfRow of r.table) {
            const tr = el("tr");
            for (const text of cellsOfRow) tr.appendChild(el("td", {}, text));
            t.appendChild(tr);
          }
          dd.appendChild(t);
        }
        if (r.sources) dd.appendChild(el("small", { class: "rare-card-source" }, ` Source: ${r.sources.join("; ")}`));
        dl.appendChild(dd);
      }
      card.appendChild(dl);
    }
    if (view.provider) card.appendChild(el("p", { class: "rare-card-provider" }, `Data: ${view.provider}`));
  };

  /** Selects a cell: the name box, formula bar, message and card follow it; focus moves too when asked. */
  const select = (sheet: string, row: number, col: number, focus = true): void => {
    const size = sizes.get(sheet);
    if (size) {
      row = Math.max(0, Math.min(row, size.rows - 1));
      col = Math.max(0, Math.min(col, size.cols - 1));
    }
    const changedSheet = selected?.sheet !== sheet;
    selected = { sheet, row, col };
    editing = null;
    workbook.select(sheet, { row, col });
    if (changedSheet) {
      drawTabs();
      for (const [name, section] of sections)
        if (name === sheet) section.setAttribute("data-active", "");
        else section.removeAttribute("data-active");
    }
    showSelection();
    if (focus) focusTarget(sheet, row, col)?.focus();
  };

  /** Writes what the formula bar holds into the selected cell; Excel keeps the entry even when it is an error. */
  const commit = (): boolean => {
    // Nothing typed: nothing entered (Enter on a spilled cell must not turn it into a formula).
    if (!selected || editing === null || editing === formulaBox.value) return false;
    const { sheet, row, col } = selected;
    editing = null;
    try {
      workbook.enter(sheet, row, col, formulaBox.value);
    } catch (e) {
      message.textContent = e instanceof Error ? e.message : String(e);
      return false;
    }
    return true;
  };

  const move = (dRow: number, dCol: number): void => {
    if (!selected) return;
    select(selected.sheet, selected.row + dRow, selected.col + dCol);
  };

  formulaBox.addEventListener("focus", () => (editing ??= formulaBox.value));
  formulaBox.addEventListener("input", () => (editing ??= ""));
  formulaBox.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      commit();
      if (e.key === "Enter") move(e.shiftKey ? -1 : 1, 0);
      else move(0, e.shiftKey ? -1 : 1);
    } else if (e.key === "Escape") {
      editing = null;
      showSelection();
      if (selected) focusTarget(selected.sheet, selected.row, selected.col)?.focus();
    }
  });
  formulaBox.addEventListener("change", () => commit());
  nameBox.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const text = nameBox.value.trim();
    const bang = text.lastIndexOf("!");
    const sheetName = bang > 0 ? text.slice(0, bang).replace(/^'|'$/g, "") : (selected?.sheet ?? workbook.activeSheet);
    const target = parseAddress(bang > 0 ? text.slice(bang + 1) : text);
    const sheet = workbook.sheetNames().find((n) => n.toUpperCase() === sheetName.toUpperCase());
    if (typeof target === "string" || !sheet) {
      message.textContent = `"${text}" is not a cell. Type an address such as B3.`;
      return;
    }
    select(sheet, target.row, target.col);
  });

  const onGridKey = (e: KeyboardEvent, sheet: string): void => {
    const target = e.target as HTMLElement;
    if (target.tagName === "INPUT") return; // an input cell edits its own text
    const address = target.getAttribute("data-address");
    if (!address || !selected || selected.sheet !== sheet) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [e.shiftKey ? -1 : 1, 0],
    };
    if (e.key in moves) {
      e.preventDefault();
      move(...moves[e.key]);
    } else if (e.key === "Tab") {
      const size = sizes.get(sheet);
      const next = selected.col + (e.shiftKey ? -1 : 1);
      if (!size || next < 0 || next >= size.cols) return; // leave the grid, as the last tab stop
      e.preventDefault();
      move(0, e.shiftKey ? -1 : 1);
    } else if (e.key === "F2") {
      e.preventDefault();
      formulaBox.focus();
      formulaBox.setSelectionRange?.(formulaBox.value.length, formulaBox.value.length);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      editing = formulaBox.value;
      formulaBox.value = "";
      commit();
      showSelection();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing over a selected cell replaces its content, as in Excel.
      e.preventDefault();
      formulaBox.value = e.key;
      editing = "";
      formulaBox.focus();
    }
  };

  const drawTabs = (): void => {
    while (tabs.firstChild) tabs.removeChild(tabs.firstChild);
    tabButtons.clear();
    const active = selected?.sheet ?? workbook.activeSheet;
    for (const name of workbook.sheetNames()) {
      if (workbook.sheet(name).visibility !== "visible") continue;
      const button = el("button", { type: "button", "data-sheet": name }, name);
      if (name === active) button.setAttribute("aria-current", "true");
      button.addEventListener("click", () => {
        const at = selected?.sheet === name ? selected : { row: 0, col: 0 };
        select(name, at.row, at.col);
      });
      tabs.appendChild(button);
      tabButtons.set(name, button);
    }
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
    const table = el("table", { role: "grid", "aria-readonly": "false" });
    table.appendChild(el("caption", {}, view.name));
    const head = el("thead");
    const headRow = el("tr");
    headRow.appendChild(el("td", { class: "rare-corner" }));
    for (let c = 0; c < view.cols; c++)
      headRow.appendChild(el("th", { scope: "col", class: "rare-heading" }, columnLetters(c + 1)));
    head.appendChild(headRow);
    table.appendChild(head);
    const body = el("tbody");
    view.rows.forEach((row, r) => {
      const tr = el("tr");
      tr.appendChild(el("th", { scope: "row", class: "rare-heading" }, String(r + 1)));
      for (const cell of row) tr.appendChild(cellElement(view.name, cell));
      body.appendChild(tr);
    });
    table.appendChild(body);
    table.addEventListener("keydown", (e) => onGridKey(e, view.name));
    table.addEventListener("click", (e) => {
      let cell: HTMLElement | null = e.target as HTMLElement;
      while (cell && !cell.getAttribute("data-address")) cell = cell.parentElement;
      const ref = cell?.getAttribute("data-address");
      const at = ref ? parseAddress(ref) : null;
      if (at && typeof at !== "string" && (e.target as HTMLElement).tagName !== "INPUT")
        select(view.name, at.row, at.col);
    });
    table.addEventListener("focusin", (e) => {
      const ref = (e.target as HTMLElement).getAttribute("data-address");
      const at = ref ? parseAddress(ref) : null;
      if (
        at &&
        typeof at !== "string" &&
        (selected?.sheet !== view.name || selected.row !== at.row || selected.col !== at.col)
      )
        select(view.name, at.row, at.col, false);
    });
    sizes.set(view.name, { rows: view.rows.length, cols: view.cols });
    sections.set(view.name, section);
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

  const rebuild = (views: SheetView[] = buildSheetViews(workbook, maxRows)): void => {
    const focused = doc.activeElement as HTMLElement | null;
    const focusKey =
      focused?.getAttribute?.("data-sheet") && focused.getAttribute("data-cell")
        ? `${focused.getAttribute("data-sheet")}!${focused.getAttribute("data-cell")}`
        : null;
    cells = new Map();
    charts = new Map();
    sizes.clear();
    sections.clear();
    selectedBox = selectedStop = null;
    while (sheetsArea.firstChild) sheetsArea.removeChild(sheetsArea.firstChild);
    for (const view of views) sheetsArea.appendChild(sheetSection(view));
    if (selected && !sizes.has(selected.sheet)) selected = null;
    selected ??= firstCell();
    drawTabs();
    showSelection();
    if (focusKey) cells.get(focusKey)?.focus();
  };

  /** Where the selection starts: the active sheet's A1 (the first visible sheet's if it is hidden). */
  const firstCell = (): { sheet: string; row: number; col: number } | null => {
    const sheet = sizes.has(workbook.activeSheet) ? workbook.activeSheet : [...sizes.keys()][0];
    return sheet ? { sheet, row: 0, col: 0 } : null;
  };

  const update = (): void => {
    const views = buildSheetViews(workbook, maxRows);
    const resized = views.some((v) => sizes.get(v.name)?.rows !== v.rows.length || sizes.get(v.name)?.cols !== v.cols);
    if (resized || views.length !== sizes.size) return rebuild(views);
    for (const view of views) {
      for (const row of view.rows) {
        for (const cell of row) {
          const target = cells.get(`${view.name}!${cell.ref}`);
          if (!target) continue;
          if (cell.kind === "input") {
            const input = target as HTMLInputElement;
            if (input !== doc.activeElement && input.value !== cell.text) input.value = cell.text;
            if (input.parentElement) decorate(input.parentElement, view.name, cell);
          } else {
            if (target.textContent !== cell.text) target.textContent = cell.text;
            const tabindex = target.getAttribute("tabindex");
            decorate(target, view.name, cell);
            if (tabindex) target.setAttribute("tabindex", tabindex);
            if (cell.numeric) target.setAttribute("data-numeric", "");
            else target.removeAttribute("data-numeric");
          }
        }
      }
      for (const chart of view.charts) {
        const figure = charts.get(`${view.name}!${chart.name}`);
        if (figure) fillChart(figure, chart);
      }
    }
    showSelection();
  };

  rebuild();
  const unsubscribe = workbook.subscribe((change) => (change.structural ? rebuild() : update()));
  return {
    refresh: (structural = true) => (structural ? rebuild() : update()),
    dispose: unsubscribe,
  };
}
