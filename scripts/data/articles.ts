import type {
  ElementShareRecord,
  ElementUseRecord,
  EventRecord,
  ListItemRecord,
  ListName,
  RiskRecord,
  StrategyRecord,
} from "../../src/data/types";
import { isIsoDate } from "./cells";
import { CsvTable, requireColumns } from "./csv";
import type { Located } from "./facts";
import { Problems } from "./problems";

/**
 * Readers for seeds/article-tables/*.csv, the tables and lists hand-transcribed from the
 * source articles. Transcription is checked: every text cell must occur verbatim in the
 * article its row cites, so a typo fails the build instead of reaching a cell.
 */

/** Article text by source id (A002 → contents of seeds/articles/002_….txt). */
export type ArticleTexts = Map<string, string>;

function checkVerbatim(
  table: CsvTable,
  line: number,
  src: string,
  texts: ArticleTexts,
  values: Record<string, string>,
  problems: Problems,
): boolean {
  const article = texts.get(src);
  if (article === undefined) {
    problems.add(table.file, line, `source "${src}" is not an article in seeds/articles/`);
    return false;
  }
  let ok = true;
  for (const [column, value] of Object.entries(values)) {
    if (value === "") {
      problems.add(table.file, line, `blank ${column}`);
      ok = false;
    } else if (!article.includes(value)) {
      problems.add(table.file, line, `${column} "${value}" does not occur verbatim in article ${src}`);
      ok = false;
    }
  }
  return ok;
}

export function readArticleElements(table: CsvTable, texts: ArticleTexts, problems: Problems) {
  const out: Located<{ use: ElementUseRecord; share: ElementShareRecord; element: string; src: string }>[] = [];
  if (!requireColumns(table, ["element", "primary_use", "china_share", "china_share_as_printed", "source"], problems))
    return out;
  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    const share = Number(cells.china_share);
    const printed = /^(\d+(\.\d+)?)%$/.exec(cells.china_share_as_printed);
    if (cells.china_share === "" || Number.isNaN(share)) at(`share "${cells.china_share}" is not a number`);
    else if (share < 0 || share > 1) at(`share ${cells.china_share} is outside 0..1`);
    else if (!printed) at(`china_share_as_printed "${cells.china_share_as_printed}" is not a percentage`);
    else if (Math.abs(Number(printed[1]) / 100 - share) > 1e-9)
      at(`share ${cells.china_share} does not match the printed ${cells.china_share_as_printed}`);
    else if (
      checkVerbatim(
        table,
        line,
        cells.source,
        texts,
        {
          element: cells.element,
          primary_use: cells.primary_use,
          china_share_as_printed: cells.china_share_as_printed,
        },
        problems,
      )
    ) {
      const { element, source: src } = cells;
      out.push({
        file: table.file,
        line,
        record: {
          element,
          src,
          use: { element, use: cells.primary_use, src },
          share: { element, share, printed: cells.china_share_as_printed, src },
        },
      });
    }
  }
  return out;
}

/** Reads a table whose text columns are all quoted verbatim from the article each row cites. */
function readQuotedRows<Column extends string>(
  table: CsvTable,
  texts: ArticleTexts,
  problems: Problems,
  columns: readonly Column[],
): Located<Record<Column, string> & { src: string }>[] {
  const out: Located<Record<Column, string> & { src: string }>[] = [];
  if (!requireColumns(table, [...columns, "source"], problems)) return out;
  for (const { line, cells } of table.rows) {
    const quoted = Object.fromEntries(columns.map((column) => [column, cells[column]])) as Record<Column, string>;
    if (checkVerbatim(table, line, cells.source, texts, quoted, problems)) {
      out.push({ file: table.file, line, record: { ...quoted, src: cells.source } });
    }
  }
  return out;
}

export function readRisks(table: CsvTable, texts: ArticleTexts, problems: Problems): Located<RiskRecord>[] {
  return readQuotedRows(table, texts, problems, ["factor", "impact", "mitigation"]);
}

export function readStrategies(table: CsvTable, texts: ArticleTexts, problems: Problems): Located<StrategyRecord>[] {
  return readQuotedRows(table, texts, problems, ["strategy", "benefit", "challenge"]);
}

const LIST_NAMES: readonly ListName[] = ["keyrisks", "aims", "keystrategies"];

export function readLists(table: CsvTable, texts: ArticleTexts, problems: Problems) {
  const out: (Located<ListItemRecord> & { position: number })[] = [];
  if (!requireColumns(table, ["list", "position", "item", "source"], problems)) return out;
  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    const list = cells.list as ListName;
    const position = Number(cells.position);
    if (!LIST_NAMES.includes(list)) at(`list "${cells.list}" is not one of ${LIST_NAMES.join(", ")}`);
    else if (!Number.isInteger(position) || position < 1) at(`position "${cells.position}" is not a positive integer`);
    else if (checkVerbatim(table, line, cells.source, texts, { item: cells.item }, problems)) {
      out.push({ file: table.file, line, position, record: { list, item: cells.item, src: cells.source } });
    }
  }
  return out.sort(
    (a, b) => LIST_NAMES.indexOf(a.record.list) - LIST_NAMES.indexOf(b.record.list) || a.position - b.position,
  );
}

export function readArticleEvents(table: CsvTable, texts: ArticleTexts, problems: Problems) {
  const out: Located<EventRecord>[] = [];
  if (!requireColumns(table, ["id", "date", "date_as_printed", "event", "source"], problems)) return out;
  for (const { line, cells } of table.rows) {
    const at = (message: string) => problems.add(table.file, line, message);
    if (cells.date !== "" && !isIsoDate(cells.date))
      at(`date "${cells.date}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    else if (cells.date !== "" && cells.date_as_printed === "")
      at("a date needs the article's own wording in date_as_printed");
    else {
      const verbatim: Record<string, string> = { event: cells.event };
      if (cells.date_as_printed !== "") verbatim.date_as_printed = cells.date_as_printed;
      if (!checkVerbatim(table, line, cells.source, texts, verbatim, problems)) continue;
      out.push({
        file: table.file,
        line,
        record: {
          id: cells.id,
          date: cells.date,
          effective: "",
          dateNote: cells.date_as_printed,
          title: cells.event,
          summary: "",
          authority: "",
          materials: "",
          status: "",
          statusAsOf: "",
          ends: "",
          afterEnd: "",
          correction: "",
          correctionSrc: "",
          src: cells.source,
        },
      });
    }
  }
  return out;
}
