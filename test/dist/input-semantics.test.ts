/**
 * Excel's input semantics through the built bundle (dist/functions.js in a vm, as Excel
 * loads it): rich values in the shapes @types/office-js documents (Excel.CellValue),
 * error cells inside a range, and empty cells. Expected figures come from seeds/.
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors
 */
import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";
import { loadFunctionsBundle, RecordedError, type FunctionsBundle } from "../support/functions-bundle";
import { seedsDir } from "../support/paths";

let bundle: FunctionsBundle;
beforeAll(() => {
  bundle = loadFunctionsBundle();
});
const call = (id: string, ...args: unknown[]) => bundle.byId[id](...args) as unknown[][];
const m = (v: unknown) => [[v]];

const production = Papa.parse<Record<string, string>>(readFileSync(join(seedsDir, "curated", "production.csv"), "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
const minedBy = (country: string, year: string): number =>
  Number(production.find((r) => r.country === country && r.year === year && r.edition === "MCS2025")!.mine_production_t_REO);

const china: Excel.EntityCellValue = { type: "Entity", text: "China", properties: {} };
const year2024: Excel.FormattedNumberCellValue = { type: "FormattedNumber", basicValue: 2024, numberFormat: "0" };

describe("rich values", () => {
  it("PRODUCTION(Entity China, FormattedNumber 2024) is China's 2024 figure", () => {
    expect(call("PRODUCTION", m(china), m(year2024))).toEqual([[minedBy("China", "2024")]]);
  });

  it("reads a linked entity by its text, a Double and a String by their basic value", () => {
    const linked: Excel.LinkedEntityCellValue = {
      type: "LinkedEntity",
      text: "China",
      id: { entityId: "c", domainId: "Geography", serviceId: 268, culture: "en-US" },
    };
    const year: Excel.DoubleCellValue = { type: "Double", basicValue: 2024 };
    const name: Excel.StringCellValue = { type: "String", basicValue: "Neodymium" };
    expect(call("PRODUCTION", m(linked), m(year))).toEqual([[minedBy("China", "2024")]]);
    expect(call("SHARE", m(name), null)).toEqual(call("SHARE", m("Neodymium"), null));
  });

  it.each([
    ["a web image", { type: "WebImage", address: "https://example.com/x.png" } as Excel.WebImageCellValue, /an image/],
    ["an array", { type: "Array", elements: [[{ type: "String", basicValue: "China" }]] } as Excel.ArrayCellValue, /an array/],
    ["a logical", { type: "Boolean", basicValue: true } as Excel.BooleanCellValue, /logical value TRUE/],
  ])("refuses %s with #VALUE! and a message naming the argument", (_, value, message) => {
    const [[cell]] = call("PRODUCTION", m(value), null);
    expect(cell).toBeInstanceOf(RecordedError);
    expect(cell).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^country /) });
    expect((cell as RecordedError).message).toMatch(message);
  });
});

describe("error cells in a range", () => {
  it("give their own result cell that error, and the other cells their answers", () => {
    const na: Excel.NotAvailableErrorCellValue = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
    const out = call("SHARE", [["Neodymium"], [new RecordedError("#DIV/0!")], [na], ["Neodymium"]], null);
    expect(out).toHaveLength(4);
    expect(out[0][0]).toEqual(call("SHARE", m("Neodymium"), null)[0][0]);
    expect(out[1][0]).toMatchObject({ code: "#DIV/0!" });
    expect(out[2][0]).toBeInstanceOf(RecordedError);
    expect(out[2][0]).toMatchObject({ code: "#N/A" });
    expect(out[3][0]).toEqual(out[0][0]);
  });
});

describe("empty cells", () => {
  it("an empty cell of a range gives an empty result cell", () => {
    const out = call("PRODUCTION", [["China"], [null], [""], ["China"]], m(2024));
    expect(out).toEqual([[minedBy("China", "2024")], [""], [""], [minedBy("China", "2024")]]);
  });

  it("a required argument that is one empty cell stays #VALUE! with its message", () => {
    const [[cell]] = call("PRODUCTION", m(null), m(2024));
    expect(cell).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^country is blank/) });
  });

  it("identical errors share one value", () => {
    const out = call("SHARE", [["Unobtainium"], ["Unobtainium"], [42], [42]], null);
    expect(out[0][0]).toBe(out[1][0]);
    expect(out[2][0]).toBe(out[3][0]);
  });
});
