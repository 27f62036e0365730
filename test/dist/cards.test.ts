/**
 * RARE.ELEMENT and RARE.COUNTRY through the built dist/functions.js, loaded as Excel loads
 * it: an entity value (Excel.EntityCellValue) where the host supports data types in custom
 * functions (CustomFunctionsRuntime 1.4), the plain name where it does not. Expected
 * figures come from the seed files (test/support/seed-facts.ts) or from the bundle's own
 * single-figure functions, never from the card code.
 */
import { loadFunctionsBundle, isRecordedError, type FunctionsBundle } from "../support/functions-bundle";
import { articleElement, latestYearOf, tonnes } from "../support/seed-facts";

type Entity = {
  type: string;
  text: string;
  properties: Record<string, { type: string; basicValue?: unknown; numberFormat?: string; elements?: unknown[][] }>;
  provider?: { description?: string };
};

/** An `Office` whose requirements answer as an Excel supporting exactly these sets would. */
const officeWith = (sets: Record<string, string>) => {
  const asked: string[] = [];
  const newer = (have: string, want: string) => {
    const [a, b] = [have.split(".").map(Number), want.split(".").map(Number)];
    return a[0] > b[0] || (a[0] === b[0] && (a[1] ?? 0) >= (b[1] ?? 0));
  };
  const Office = {
    context: {
      host: "Excel",
      requirements: {
        isSetSupported: (name: string, version = "1.1") => {
          asked.push(`${name} ${version}`);
          return sets[name] !== undefined && newer(sets[name], version);
        },
      },
    },
  };
  return { Office, asked };
};
const withDataTypes = { CustomFunctionsRuntime: "1.5", ExcelApi: "1.18" };

const one = (bundle: FunctionsBundle, id: string, ...args: unknown[]): unknown =>
  (bundle.byId[id](...args.map((a) => [[a]])) as unknown[][])[0][0];

describe("RARE.ELEMENT and RARE.COUNTRY in an Excel with data types (CustomFunctionsRuntime 1.4, ExcelApi 1.16)", () => {
  const { Office, asked } = officeWith(withDataTypes);
  const bundle = loadFunctionsBundle(undefined, { Office });

  it("asks the host for CustomFunctionsRuntime 1.4 and ExcelApi 1.16", () => {
    one(bundle, "ELEMENT", "Nd");
    expect(asked).toEqual(["CustomFunctionsRuntime 1.4", "ExcelApi 1.16"]);
  });

  it('ELEMENT("Nd") is an entity named Neodymium with Symbol, China share and Primary use', () => {
    const nd = one(bundle, "ELEMENT", "Nd") as Entity;
    expect(nd.type).toBe("Entity");
    expect(nd.text).toBe("Neodymium");
    expect(nd.properties.Symbol).toEqual({ type: "String", basicValue: "Nd", propertyMetadata: expect.anything() });
    expect(nd.properties["China share"]).toMatchObject({
      type: "Double",
      basicValue: articleElement("Neodymium").share,
      numberFormat: "0%",
    });
    expect(nd.properties["Primary use"]).toMatchObject({ type: "String", basicValue: one(bundle, "USE", "Nd") });
  });

  it("every figure on the element card is the one the single-figure functions give", () => {
    const nd = one(bundle, "ELEMENT", "Neodymium") as Entity;
    expect(nd.properties["Latest price"].basicValue).toBe(one(bundle, "PRICE", "Nd"));
    expect(nd.properties["China share, refining"].basicValue).toBe(one(bundle, "SHARE", "Nd", "refining"));
    const history = nd.properties["Price history"].elements as Array<Array<{ basicValue: unknown }>>;
    for (const [year, price] of history.slice(1).map((row) => row.map((c) => c.basicValue)))
      expect(price).toBe(one(bundle, "PRICE", "Nd", year));
    expect(nd.provider?.description).toBe(`RARE dataset ${bundle.byId.VERSION() as string}`);
  });

  it('COUNTRY("China") carries the latest production from the seed files', () => {
    const china = one(bundle, "COUNTRY", "China") as Entity;
    expect(china.type).toBe("Entity");
    expect(china.text).toBe("China");
    const year = latestYearOf("China");
    expect(china.properties["Latest production"]).toMatchObject({ type: "Double", basicValue: tonnes("China", year) });
    expect(china.properties["Latest production year"].basicValue).toBe(year);
    expect(china.properties.Reserves.basicValue).toBe(one(bundle, "RESERVES", "China"));
  });

  it("names people type resolve to the same card", () => {
    expect((one(bundle, "ELEMENT", "neodymium oxide") as Entity).text).toBe("Neodymium");
    expect((one(bundle, "ELEMENT", "Nd2O3") as Entity).text).toBe("Neodymium");
    expect((one(bundle, "COUNTRY", "Myanmar (Burma)") as Entity).text).toBe("Burma");
    expect((one(bundle, "COUNTRY", "Burma (Myanmar)") as Entity).text).toBe("Burma");
  });

  it("errors as the other functions: unknown names are #N/A with Did you mean, blanks #VALUE!", () => {
    const typo = one(bundle, "ELEMENT", "Neodymum");
    expect(isRecordedError(typo) && typo.code).toBe("#N/A");
    expect((typo as { message: string }).message).toContain("Did you mean Neodymium?");
    const kind = one(bundle, "ELEMENT", "NdPr");
    expect(isRecordedError(kind) && kind.message).toMatch(/NdPr oxide is a priced product .* not one element/);
    const blank = one(bundle, "COUNTRY", "");
    expect(isRecordedError(blank) && blank.code).toBe("#VALUE!");
  });

  it("a cell holding a card is read by its name by the other functions", () => {
    const nd = one(bundle, "ELEMENT", "Nd");
    expect(one(bundle, "SHARE", nd)).toBe(articleElement("Neodymium").share);
    const china = one(bundle, "COUNTRY", "China");
    expect(one(bundle, "PRODUCTION", china)).toBe(tonnes("China", latestYearOf("China")));
  });

  it("a range gives one card per cell", () => {
    const cards = bundle.byId.ELEMENT([["Nd"], ["Dy"], ["Xx"]]) as unknown[][];
    expect(cards.map((row) => (isRecordedError(row[0]) ? row[0].code : (row[0] as Entity).text))).toEqual([
      "Neodymium",
      "Dysprosium",
      "#N/A",
    ]);
  });
});

describe.each([
  ["CustomFunctionsRuntime 1.3 (Office 2021)", { CustomFunctionsRuntime: "1.3", ExcelApi: "1.14" }],
  ["CustomFunctionsRuntime 1.4 without ExcelApi 1.16", { CustomFunctionsRuntime: "1.4", ExcelApi: "1.15" }],
])("RARE.ELEMENT and RARE.COUNTRY in an Excel without data types: %s", (_, sets) => {
  const { Office } = officeWith(sets);
  const bundle = loadFunctionsBundle(undefined, { Office });

  it("return the canonical name as plain text", () => {
    expect(one(bundle, "ELEMENT", "Nd")).toBe("Neodymium");
    expect(one(bundle, "COUNTRY", "Burma (Myanmar)")).toBe("Burma");
  });

  it("keep the same errors", () => {
    const typo = one(bundle, "COUNTRY", "Chna");
    expect(isRecordedError(typo) && typo.message).toBe('Unknown country "Chna". Did you mean China?');
  });
});
