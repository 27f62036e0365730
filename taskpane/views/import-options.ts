/** The import's option controls: delimiter, header row, skipped rows, decimal separator, date order, ragged rows. */
import { skipTitleLabel, type Analysis, type CsvOptions } from "../../src/csv";
import { h } from "../dom";

export interface ImportChoices {
  delimiter: "auto" | "," | ";" | "\t" | "|";
  hasHeader: boolean | "auto";
  skipRows: number;
  decimalSeparator: "auto" | "." | ",";
  dateOrder: "auto" | "dmy" | "mdy";
  ragged: "pad" | "skip";
}

export const defaultChoices = (): ImportChoices => ({
  delimiter: "auto",
  hasHeader: "auto",
  skipRows: 0,
  decimalSeparator: "auto",
  dateOrder: "auto",
  ragged: "pad",
});

export function toCsvOptions(c: ImportChoices): CsvOptions {
  return {
    delimiter: c.delimiter === "auto" ? undefined : c.delimiter,
    hasHeader: c.hasHeader,
    skipRows: c.skipRows,
    decimalSeparator: c.decimalSeparator === "auto" ? undefined : c.decimalSeparator,
    dateOrder: c.dateOrder,
    ragged: c.ragged,
  };
}

const DELIMITERS: Array<[ImportChoices["delimiter"], string]> = [
  [",", "Comma (,)"],
  [";", "Semicolon (;)"],
  ["\t", "Tab"],
  ["|", "Pipe (|)"],
];

const delimiterLabel = (d: string) => DELIMITERS.find(([v]) => v === d)?.[1] ?? JSON.stringify(d);

const DECIMAL_SEPARATORS: Array<[ImportChoices["decimalSeparator"], string]> = [
  ["auto", "Automatic (from each column's values)"],
  [".", "Point (1.5)"],
  [",", "Comma (1,5)"],
];

const DATE_ORDERS: Array<[ImportChoices["dateOrder"], string]> = [
  ["auto", "Dates: detect day/month order"],
  ["dmy", "Dates: day/month/year"],
  ["mdy", "Dates: month/day/year"],
];

/** The choices the pane offers as a menu. */
type MenuChoice = "delimiter" | "decimalSeparator" | "dateOrder";

/** Builds the controls for the current analysis; `onChange` re-analyses with the new choices. */
export function optionControls(
  analysis: Analysis,
  choices: ImportChoices,
  onChange: (next: ImportChoices) => void,
): HTMLElement {
  /** A menu showing the current choice of `key`; picking another re-analyses. */
  const menu = <K extends MenuChoice>(key: K, id: string, options: Array<[ImportChoices[K], string]>) => {
    const select = h("select", { id }, ...options.map(([value, label]) => h("option", { value }, label)));
    select.value = choices[key];
    select.addEventListener("change", () => onChange({ ...choices, [key]: select.value as ImportChoices[K] }));
    return select;
  };

  const detected = `Detected: ${delimiterLabel(analysis.delimiter)}${analysis.sepLine ? " (from the sep= line)" : ""}`;
  const delimiter = menu("delimiter", "csv-delimiter", [["auto", detected], ...DELIMITERS]);

  const header = h("input", { type: "checkbox", id: "csv-header" });
  header.checked = choices.hasHeader === "auto" ? analysis.hasHeader : choices.hasHeader;
  header.addEventListener("change", () => onChange({ ...choices, hasHeader: header.checked }));

  const dates = menu("dateOrder", "csv-date-order", DATE_ORDERS);

  const skip = h("input", { type: "number", id: "csv-skip-rows", min: 0, step: 1, value: String(choices.skipRows) });
  skip.addEventListener("change", () => {
    const n = Math.max(0, Math.floor(Number(skip.value) || 0));
    onChange({ ...choices, skipRows: n });
  });

  const decimal = menu("decimalSeparator", "csv-decimal", DECIMAL_SEPARATORS);

  const box = h(
    "fieldset",
    { class: "import-options" },
    h("legend", {}, "Options"),
    h("label", { for: "csv-delimiter" }, "Delimiter"),
    delimiter,
    h("label", { class: "checkbox-label", for: "csv-header" }, header, "First row is a header"),
    h("label", { for: "csv-skip-rows" }, "Skip first N rows"),
    skip,
    h("label", { for: "csv-decimal" }, "Decimal separator"),
    decimal,
    h("label", { for: "csv-date-order" }, "Date order"),
    dates,
  );

  if (analysis.warnings.some((w) => w.code === "titleRow")) {
    const skipTitle = h(
      "fluent-button" as "button",
      { id: "csv-skip-title", role: "button" },
      skipTitleLabel(choices.skipRows + 1),
    );
    skipTitle.addEventListener("click", () => onChange({ ...choices, skipRows: choices.skipRows + 1 }));
    box.append(skipTitle);
  }

  if (analysis.ragged.count > 0) {
    const rows = analysis.ragged.rows
      .slice(0, 10)
      .map((r) => r.row)
      .join(", ");
    const more = analysis.ragged.count > 10 ? ", …" : "";
    const radio = (value: "pad" | "skip", label: string) => {
      const input = h("input", { type: "radio", name: "csv-ragged", id: `csv-ragged-${value}`, value });
      input.checked = choices.ragged === value;
      input.addEventListener("change", () => input.checked && onChange({ ...choices, ragged: value }));
      return h("label", { class: "checkbox-label", for: `csv-ragged-${value}` }, input, label);
    };
    box.append(
      h(
        "fieldset",
        { class: "ragged" },
        h(
          "legend",
          {},
          analysis.ragged.count === 1
            ? `1 ragged row (row ${rows}) does not have ${analysis.ragged.expectedFields} fields`
            : `${analysis.ragged.count} ragged rows (rows ${rows}${more}) do not have ${analysis.ragged.expectedFields} fields`,
        ),
        radio("pad", "Pad them with blank cells"),
        radio("skip", "Skip them"),
      ),
    );
  }
  return box;
}
