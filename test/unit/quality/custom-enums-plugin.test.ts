/**
 * The build step that writes the function table's closed sets into functions.json as custom
 * enums (scripts/webpack/custom-enums-plugin.ts): each parameter with choices keeps its
 * type and gains a customEnumId; one enum per id; two sets under one id fail the build.
 */
import { bundled } from "../../../src/data/bundled";
import { optionalText, text } from "../../../functions/coerce";
import { lifted, param, type Lifted } from "../../../functions/lift";
import { functionTable } from "../../../functions/table";
import { withCustomEnums } from "../../../scripts/webpack/custom-enums-plugin";

const metadataOf = (table: Record<string, Lifted>) => ({
  allowErrorForDataTypeAny: true,
  functions: Object.entries(table).map(([id, fn]) => ({
    id,
    parameters: fn.params.map((p) => ({ name: p.name, type: "any", dimensionality: "matrix" })),
  })),
});

describe("withCustomEnums", () => {
  it("adds an enum per choice set and points each parameter to it, keeping its type any", () => {
    const table = {
      A: lifted(
        [param("name", text), param("stage", optionalText, { choices: { id: "STAGE", values: ["x", "y"] } })],
        () => 1,
      ),
      B: lifted([param("stage", optionalText, { choices: { id: "STAGE", values: ["x", "y"] } })], () => 1),
    };
    const out = withCustomEnums(metadataOf(table), table);
    expect(out.enums).toEqual([
      {
        id: "STAGE",
        type: "string",
        values: [
          { name: "x", stringValue: "x" },
          { name: "y", stringValue: "y" },
        ],
      },
    ]);
    expect(out.functions[0].parameters).toEqual([
      { name: "name", type: "any", dimensionality: "matrix" },
      { name: "stage", type: "any", dimensionality: "matrix", customEnumId: "STAGE" },
    ]);
    expect(out.functions[1].parameters[0].customEnumId).toBe("STAGE");
    expect(out.allowErrorForDataTypeAny).toBe(true);
  });

  it("refuses one id with two different sets", () => {
    const table = {
      A: lifted([param("a", optionalText, { choices: { id: "K", values: ["x"] } })], () => 1),
      B: lifted([param("b", optionalText, { choices: { id: "K", values: ["y"] } })], () => 1),
    };
    expect(() => withCustomEnums(metadataOf(table), table)).toThrow(/enum K is declared with two different sets/);
  });

  it("leaves metadata without choices unchanged", () => {
    const table = { A: lifted([param("a", text)], () => 1) };
    const metadata = metadataOf(table);
    expect(withCustomEnums(metadata, table)).toBe(metadata);
  });

  it("over the real table: stages, fields, kinds and editions, from the data and the vocabularies", () => {
    const table = functionTable(() => bundled);
    const out = withCustomEnums(metadataOf(table), table);
    const values = (id: string) => out.enums?.find((e) => e.id === id)?.values.map((v) => v.stringValue);
    expect(values("STAGE")).toEqual(bundled.list("stages"));
    expect(values("EDITION")).toEqual(bundled.list("editions"));
    expect(values("LISTKIND")).toEqual(bundled.list("kinds"));
    expect(values("RISKFIELD")).toEqual(["impact", "mitigation", "factor"]);
  });
});
