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

/** Builds the controls for the current analysis; `onChange` re-analyses with the new choices. */
export function optionControls(
  analysis: Analysis,
  choices: ImportChoices,
  onChange: (next: ImportChoices) => void,
): HTMLElement {
  const delimiter = h(
    "select",
    { id: "csv-delimiter" },
    h(
      "option",
      { value: "auto" },
      `Detected: ${delimiterLabel(analysis.delimiter)}${analysis.sepLine ? " (from the sep= line)" : ""}`,
    ),
    ...DELIMITERS.map(([value, label]) => h("option", { value }, label)),
  );
  delimiter.value = choices.delimiter;
  delimiter.addEventListener("change", () =>
    onChange({ ...choices, delimiter: delimiter.value as ImportChoices["delimiter"] }),
  );

  const header = h("input", { type: "checkbox", id: "csv-header" });
  header.checked = choices.hasHeader === "auto" ? analysis.hasHeader : choices.hasHeader;
  header.addEventListener("change", () => onChange({ ...choices, hasHeader: header.checked }));

  const dates = h(
    "select",
    { id: "csv-date-order" },
    h("option", { value: "auto" }, "Dates: detect day/month order"),
    h("option", { value: "dmy" }, "Dates: day/month/year"),
    h("option", { value: "mdy" }, "Dates: month/day/year"),
  );
  dates.value = choices.dateOrder;
  dates.addEventListener("change", () =>
    onChange({ ...choices, dateOrder: dates.value as ImportChoices["dateOrder"] }),
  );

  const skip = h("input", { type: "number", id: "csv-skip-rows", min: 0, step: 1, value: String(choices.skipRows) });
  skip.addEventListener("change", () => {
    const n = Math.max(0, Math.floor(Number(skip.value) || 0));
    onChange({ ...choices, skipRows: n });
  });

  const decimal = h(
    "select",
    { id: "csv-decimal" },
    h("option", { value: "auto" }, "Automatic (from each column's values)"),
    h("option", { value: "." }, "Point (1.5)"),
    h("option", { value: "," }, "Comma (1,5)"),
  );
  decimal.value = choices.decimalSeparator;
  decimal.addEventListener("change", () =>
    onChange({ ...choices, decimalSeparator: decimal.value as ImportChoices["decimalSeparator"] }),
  );

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
