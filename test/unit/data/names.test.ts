import { BoundedMemo } from "../../../src/data/memo";
import { editDistance, NameIndex, normalizeName, orList } from "../../../src/data/names";
import { caughtRareError as errorOf } from "../../support/rare-error";

const elements = new NameIndex(
  [
    { name: "Neodymium", aliases: ["Nd"] },
    { name: "Dysprosium", aliases: ["Dy"] },
    { name: "Lanthanum", aliases: ["La"] },
  ],
  { what: "element", plural: "elements" },
);

describe("normalizeName", () => {
  it("folds case and every kind of Unicode space", () => {
    expect(normalizeName("  Neo\u00a0dymium\t")).toBe("neo dymium");
    expect(normalizeName("\u2003UNITED\u3000\u3000States\u202f")).toBe("united states");
    expect(normalizeName("People\u2019s Republic")).toBe("people's republic");
    expect(normalizeName("\uff2e\uff44")).toBe("nd"); // full-width letters (NFKC)
  });
});

describe("NameIndex", () => {
  it("resolves names and aliases in any case and spacing", () => {
    for (const raw of ["Neodymium", "NEODYMIUM", " neodymium ", "nd", "ND", "Nd\u00a0"])
      expect(elements.resolve(raw)).toBe("Neodymium");
  });

  it("resolves despite punctuation when unambiguous", () => {
    const countries = new NameIndex([{ name: "United States", aliases: ["US"] }, { name: "South Africa" }], {
      what: "country",
      plural: "countries",
    });
    expect(countries.resolve("U.S.")).toBe("United States");
    expect(countries.resolve("south-africa")).toBe("South Africa");
  });

  it("does not guess when a loose spelling fits two names", () => {
    const ix = new NameIndex([{ name: "A-B" }, { name: "AB!" }], { what: "thing", plural: "things" });
    expect(ix.resolve("a-b")).toBe("A-B");
    expect(errorOf(() => ix.resolve("a b")).code).toBe("notAvailable");
  });

  it("unknown name: #N/A with up to three closest names", () => {
    const e = errorOf(() => elements.resolve("Dysprosum"));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toBe('Unknown element "Dysprosum". Did you mean Dysprosium?');
  });

  it("unknown name far from everything: lists some valid names instead", () => {
    expect(errorOf(() => elements.resolve("Zirconium")).message).toBe(
      'Unknown element "Zirconium". Valid elements include: Neodymium, Dysprosium, Lanthanum',
    );
  });

  it("a prefix counts as close", () => {
    expect(errorOf(() => elements.resolve("Lanth")).message).toContain("Did you mean Lanthanum?");
  });

  it("vocabulary indexes answer #VALUE! and list every valid word", () => {
    const stages = new NameIndex([{ name: "mining" }, { name: "refining" }], {
      what: "stage",
      plural: "stages",
      vocabulary: true,
    });
    const e = errorOf(() => stages.resolve("minning"));
    expect(e.code).toBe("invalidValue");
    expect(e.message).toBe('Unknown stage "minning". Did you mean mining? Valid stages: mining, refining');
  });

  it("blank and non-text input are #VALUE!", () => {
    expect(errorOf(() => elements.resolve(" \u00a0 ")).code).toBe("invalidValue");
    expect(errorOf(() => elements.resolve(42 as unknown as string)).code).toBe("invalidValue");
  });

  it("memoises by the raw string: the same error object comes back", () => {
    expect(elements.lookup("Nope")).toBe(elements.lookup("Nope"));
  });
});

describe("helpers", () => {
  it("editDistance counts an adjacent swap as one edit", () => {
    expect(editDistance("neodymium", "neodymium")).toBe(0);
    expect(editDistance("nedoymium", "neodymium")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("orList", () => {
    expect(orList([])).toBe("");
    expect(orList(["a"])).toBe("a");
    expect(orList(["a", "b", "c"])).toBe("a, b or c");
  });

  it("BoundedMemo never exceeds its limit and evicts the oldest entry", () => {
    const memo = new BoundedMemo<number>(3);
    for (let i = 0; i < 10; i++) memo.set(`k${i}`, i);
    expect(memo.size).toBe(3);
    expect(memo.get("k0")).toBeUndefined();
    expect(memo.get("k9")).toBe(9);
  });
});
