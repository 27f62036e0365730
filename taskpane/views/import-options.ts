/** The import's option controls: delimiter, header row, date order, ragged rows. */
import type { Analysis, CsvOptions } from "../../src/csv";
import { h } from "../dom";

export interface ImportChoices {
  delimiter: "auto" | "," | ";" | "\t" | "|";
  hasHeader: boolean | "auto";
  dateOrder: "auto" | "dmy" | "mdy";
  ragged: "pad" | "skip";
}

export const defaultChoices = (): ImportChoices => ({
  delimiter: "auto",
  hasHeader: "auto",
  dateOrder: "auto",
  ragged: "pad",
});

export function toCsvOptions(c: ImportChoices): CsvOptions {
  return {
    delimiter: c.delimiter === "auto" ? undefined : c.delimiter,
    hasHeader: c.hasHeader,
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

  const box = h(
    "fieldset",
    { class: "import-options" },
    h("legend", {}, "Options"),
    h("label", { for: "csv-delimiter" }, "Delimiter"),
    delimiter,
    h("label", { class: "checkbox-label", for: "csv-header" }, header, "First row is a header"),
    h("label", { for: "csv-date-order" }, "Date order"),
    dates,
  );

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
          `${analysis.ragged.count} ragged ${analysis.ragged.count === 1 ? "row" : "rows"} (rows ${rows}${more}) do not have ${analysis.ragged.expectedFields} fields`,
        ),
        radio("pad", "Pad them with blank cells"),
        radio("skip", "Skip them"),
      ),
    );
  }
  return box;
}
