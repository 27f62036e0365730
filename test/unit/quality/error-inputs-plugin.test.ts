/**
 * The build step that lets error cells reach the functions (allowErrorForDataTypeAny, a
 * top-level property of functions.json that custom-functions-metadata cannot emit).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { allowErrorInputs } = require("../../../scripts/webpack/error-inputs-plugin") as {
  allowErrorInputs: (metadata: Metadata) => Metadata;
};

interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: Array<{ id: string; parameters: Array<{ name: string; type?: string }> }>;
}

const fn = (id: string, ...types: Array<string | undefined>) => ({
  id,
  parameters: types.map((type, i) => ({ name: `p${i}`, ...(type ? { type } : {}) })),
});

describe("allowErrorInputs", () => {
  it("allows error inputs when a function has an `any` parameter, keeping everything else", () => {
    const metadata: Metadata = { allowCustomDataForDataTypeAny: true, functions: [fn("A", "any"), fn("B")] };
    expect(allowErrorInputs(metadata)).toEqual({ ...metadata, allowErrorForDataTypeAny: true });
  });

  it("treats a parameter without a type as `any`, as Excel does", () => {
    expect(allowErrorInputs({ functions: [fn("A", undefined)] }).allowErrorForDataTypeAny).toBe(true);
  });

  it("leaves metadata whose parameters are all typed (they never receive errors) unchanged", () => {
    const metadata: Metadata = { functions: [fn("A", "number", "string"), fn("B")] };
    expect(allowErrorInputs(metadata)).toEqual(metadata);
  });

  it("does not change its input", () => {
    const metadata: Metadata = { functions: [fn("A", "any")] };
    allowErrorInputs(metadata);
    expect(metadata).toEqual({ functions: [fn("A", "any")] });
  });
});
