/**
 * The import write planner on a 200,000 × 10 import made the way the pane makes one: the
 * import bench's generated CSV (site codes with leading zeros, countries, elements, numbers
 * with thousand separators, percents, decimals, ISO and d/m/y dates, booleans, quoted notes)
 * cut to 200,000 data rows, typed by importCsvSync and handed over by toImportData. Reports
 * syncs against the minimum any plan could use, the largest request (the plan's upper-bound
 * estimate, and the JSON of its operations as measured), and how long planning takes.
 * The planner's guarantees themselves are tested in test/unit/workbook/write-plan.test.ts.
 */
import { importCsvSync, isRefusal, toImportData } from "../src/csv";
import { utf8Length } from "../src/workbook/payload";
import { planImport, type ImportData, type WritePlan } from "../src/workbook/write-plan";
import type { Figure } from "./figures";
import { makeCsv } from "./import";
import { median, timed } from "./stats";

const ROWS = 200_000;
const RUNS = 5;
const SECTION = "Import write plan (200,000 × 10)";
const MAX_SYNC_RATIO = 1.1;
/** The planner's own budget (payload.ts), a 20 % margin under Excel on the web's 5 MB limit. */
const MAX_SYNC_BYTES = 4_000_000;

/** The first `rows` data rows of the import bench's CSV (about 190 characters a row). */
function csvOfRows(rows: number): string {
  const { text, rows: made } = makeCsv(rows * 220);
  if (made < rows) throw new Error(`write-plan bench: the generator made ${made} rows, ${rows} wanted`);
  let end = 0;
  for (let line = 0; line <= rows; line++) end = text.indexOf("\n", end) + 1;
  return text.slice(0, end - 1);
}

function importData(): ImportData {
  const result = importCsvSync(csvOfRows(ROWS));
  if (isRefusal(result)) throw new Error(`write-plan bench: the import refused the file: ${result.message}`);
  if (result.rowCount !== ROWS || result.columns.length !== 10)
    throw new Error(`write-plan bench: ${result.rowCount} × ${result.columns.length} imported`);
  return toImportData(result);
}

export function runWritePlanBench(): Figure[] {
  const data = importData();
  const times: number[] = [];
  let plan: WritePlan | undefined;
  for (let run = 0; run < RUNS; run++) {
    const t = timed(() => planImport(data));
    times.push(t.ms);
    plan = t.value;
  }
  const { syncs, minimumSyncs } = plan!;
  const largestEstimate = Math.max(...syncs.map((s) => s.estimatedBytes));
  const largestMeasured = Math.max(...syncs.map((s) => utf8Length(JSON.stringify(s.ops))));
  const formats = [...new Set(data.columnFormats)].join(" ");

  return [
    {
      section: SECTION,
      name: "syncs planned",
      value: syncs.length,
      unit: "syncs",
      digits: 0,
      note: `minimum ${minimumSyncs} = ceil(estimated bytes / budget)`,
    },
    {
      section: SECTION,
      name: "syncs / minimum",
      value: syncs.length / minimumSyncs,
      unit: "×",
      digits: 2,
      max: MAX_SYNC_RATIO,
    },
    {
      section: SECTION,
      name: "largest sync, planner's estimate",
      value: largestEstimate / 1e6,
      unit: "MB",
      digits: 3,
      max: MAX_SYNC_BYTES / 1e6,
      note: `${largestEstimate.toLocaleString("en-US")} bytes: an upper bound, per-op and per-sync reserves included`,
    },
    {
      section: SECTION,
      name: "largest sync, JSON of its operations",
      value: largestMeasured / 1e6,
      unit: "MB",
      digits: 3,
      note: `for information: ${largestMeasured.toLocaleString("en-US")} UTF-8 bytes as measured`,
    },
    {
      section: SECTION,
      name: "planning time",
      value: median(times),
      unit: "ms",
      digits: 0,
      note: `for information: median of ${RUNS} runs; column formats ${formats}`,
    },
  ];
}
