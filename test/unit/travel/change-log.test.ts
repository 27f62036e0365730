/**
 * What changed's reasons from the data-change log (issue 14): between the two releases
 * docs/DATA-CHANGES.md compares, a cell that moved is given the log's line for the figure
 * it asks for, with its cell arguments read; other cells and other versions fall back to
 * the version change. The log is built from the seeds as `npm run data` builds it.
 */
import { previousRelease } from "../../../scripts/compile-data";
import { changeLogJson, dataChanges } from "../../../scripts/data/changes";
import { figuresOf } from "../../../scripts/data/figures";
import { encodeValue } from "../../../src/travel/cell-codec";
import { changeLogFrom, figureKeys, type ChangeLogData } from "../../../src/travel/change-log";
import { recordRefresh } from "../../../src/travel/refresh-record";
import { RECORD_SHEET } from "../../../src/travel/sheets";
import { compiled } from "../data/seeds";
import { rarePreview } from "../scenario/support/rare-preview";

const dataset = compiled();
const previous = previousRelease(dataset.version)!;
const data = JSON.parse(changeLogJson(previous, dataset.version, figuresOf(dataset))) as ChangeLogData;
const log = changeLogFrom(data);
/** The docs/DATA-CHANGES.md line of a figure, without its "- " bullet. */
const docLine = (key: string) =>
  dataChanges(previous, dataset.version, figuresOf(dataset))
    .split("\n")
    .find((l) => l.startsWith(`- ${key}: `))!
    .slice(2);

describe("figureKeys", () => {
  it.each([
    ["PRODUCTION", ["Australia", 2024], ["production Australia 2024"]],
    ["PRODUCTION", ["Australia", 2024, "MCS2025"], []], // a pinned edition does not move
    ["PRODUCTION", ["Australia", null], []], // the latest year: which one depends on the release
    ["COUNTRYSHARE", ["China", 2024], ["countryshare China 2024"]],
    ["RESERVES", ["Brazil"], ["reserves Brazil"]],
    ["PRICE", ["Neodymium oxide", 2024], ["price Neodymium oxide 2024"]],
    ["HHI", [2024], ["hhi 2024"]],
    ["SHARE", ["Neodymium", null], ["share Neodymium"]],
    ["SHARE", ["Neodymium", "US imports"], ["share Neodymium us imports"]],
    ["SHARE", ["Neodymium", "Mining"], ["share stage mining"]],
    ["GAP", ["Dysprosium", 0.3], ["share Dysprosium"]],
    ["RISK", ["Export Quotas"], []],
  ])("%s(%j) → %j", (fn, args, keys) => {
    expect(figureKeys(fn, args)).toEqual(keys);
  });
});

describe("the change log", () => {
  it("gives the log's line for the figure, names matched in any case", () => {
    expect(log(["production australia 2024"], data.from!, data.to)).toBe(docLine("production Australia 2024"));
    expect(docLine("production Australia 2024")).toMatch(/MCS2026 revised 2024/);
  });

  it("applies only between the two releases it compares, and only to figures it lists", () => {
    expect(log(["production Australia 2024"], "2025-01-01+000000000000", data.to)).toBeNull();
    expect(log(["production Australia 2024"], data.from!, "2027-01-01+000000000000")).toBeNull();
    expect(log(["production Nowhere 2024"], data.from!, data.to)).toBeNull();
  });
});

it("What changed gives a cell that moved between the releases the log's reason, its arguments read from cells", async () => {
  const wb = rarePreview(["Model"]);
  await wb.writeValues("Model", { row: 0, col: 0 }, [["Australia", 2024]]);
  await wb.writeFormulas("Model", { row: 1, col: 0 }, [["=RARE.PRODUCTION(A1,B1)", '=RARE.USE("Dy")']]);
  const australia = (await wb.readRange("Model", "A2")).values[0][0] as number;

  // A record made with the previous release, when Australia 2024 read as that release had it.
  await recordRefresh(wb, { version: data.from!, overrides: "" });
  const was = Number(previous.figures["production Australia 2024"].value);
  expect(was).not.toBe(australia);
  await wb.writeValues(RECORD_SHEET, { row: 2, col: 2 }, [[encodeValue(was)]]);
  expect((await wb.readRange(RECORD_SHEET, "A3:C3")).values[0]).toEqual(["Model", "A2", encodeValue(was)]);
  await wb.writeValues(RECORD_SHEET, { row: 3, col: 2 }, [["s:Older use text"]]); // B2: a figure the log does not list

  const { report } = await recordRefresh(wb, { version: data.to, overrides: "" }, { changeLog: log });
  expect(report?.changes.map((c) => [c.address, c.old, c.now, c.reason])).toEqual([
    ["A2", was, australia, docLine("production Australia 2024")],
    ["B2", "Older use text", expect.any(String), `dataset version ${data.from} → ${data.to}`],
  ]);
});
