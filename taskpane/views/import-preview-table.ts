/**
 * The import preview: the first 20 rows as they will be written, each column's detected
 * type with a control to change it. File content is shown as text only.
 */
import type { Analysis, ColumnType } from "../../src/csv";
import { COLUMN_TYPES, TYPE_NAMES } from "../../src/csv/types/registry";
import { formatForDisplay } from "../../src/workbook/format-display";
import { h } from "../dom";

export function previewTable(
  analysis: Analysis,
  types: readonly ColumnType[],
  onType: (column: number, type: ColumnType) => void,
): HTMLElement {
  const headerRow = h("tr", {}, ...analysis.columns.map((c) => h("th", { scope: "col" }, c.name)));
  const typeRow = h(
    "tr",
    { class: "types" },
    ...analysis.columns.map((c, i) => {
      const select = h(
        "select",
        { "aria-label": `Type of column ${c.name}`, "data-column": i },
        ...TYPE_NAMES.map((value) => {
          const label = COLUMN_TYPES[value].label + (value === "currency" && c.currency ? ` (${c.currency})` : "");
          return h("option", { value }, value === c.detectedType ? `${label} (detected)` : label);
        }),
      );
      select.value = types[i] ?? c.type;
      select.addEventListener("change", () => onType(i, select.value as ColumnType));
      return h("td", {}, select);
    }),
  );
  const body = analysis.previewRows.map((row) =>
    h(
      "tr",
      {},
      ...analysis.columns.map((c, i) => {
        const value = row[i] ?? null;
        return h(
          "td",
          { class: typeof value === "number" ? "number" : undefined },
          formatForDisplay(value, c.numberFormat),
        );
      }),
    ),
  );
  return h(
    "div",
    { class: "preview-scroll" },
    h(
      "table",
      { id: "import-preview" },
      h(
        "caption",
        {},
        `Preview: first ${analysis.previewRows.length} of ${analysis.rowCount.toLocaleString("en-US")} rows`,
      ),
      h("thead", {}, headerRow, typeRow),
      h("tbody", {}, ...body),
    ),
  );
}
