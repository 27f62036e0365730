import { compiled, rareData } from "./seeds";
import { caughtRareError as errorOf } from "../../support/rare-error";

const data = rareData();
const sources = new Map(compiled().sources.map((s) => [s.id, s]));

/** The citation of one source in the documented format. */
const citationOf = (id: string) => {
  const s = sources.get(id)!;
  return `${s.title}, ${s.publisher} (${s.date || "undated"}), ${s.locator} [${s.id}]`;
};

describe("source(kind, key, field)", () => {
  it("share without a stage cites the article and what it printed", () => {
    const text = data.source("share", "nd", null);
    expect(text.startsWith(citationOf("A002"))).toBe(true);
    expect(text).toContain("80%");
  });

  it("share with a stage says it is sector-wide and a secondary report", () => {
    const text = data.source("share", "Neodymium", "mining");
    expect(text).toContain(citationOf("S10"));
    expect(text).toContain("sector-wide");
    expect(text).toContain("not specific to Neodymium");
    expect(text).toContain("secondary report of IEA");
  });

  it("share errors are the value's errors", () => {
    expect(errorOf(() => data.source("share", "Terbium", null)).code).toBe("notAvailable");
    expect(errorOf(() => data.source("share", "Lanthanum", "magnets")).code).toBe("notAvailable");
    expect(errorOf(() => data.source("share", "Nd", "smelting")).code).toBe("invalidValue");
  });

  it("production names the edition used and earlier revisions", () => {
    const text = data.source("production", "China", 2023);
    expect(text.startsWith(citationOf("S1"))).toBe(true);
    expect(text).toContain("MCS2025, the newest edition covering 2023");
    expect(text).toContain("MCS2024: 240000");
    expect(data.source("production", "China", "2021")).toContain(citationOf("MCS2023"));
  });

  it("countryshare and hhi state their denominator", () => {
    expect(data.source("countryshare", "China", null)).toContain("not of the rounded world total");
    expect(data.source("Country Share", "China", 2024)).toBe(data.source("countryshare", "China", null));
    expect(data.source("hhi", "2020", null)).toContain(citationOf("MCS2022"));
    expect(data.source("hhi", "", null)).toContain("computed, not published by USGS");
    expect(data.source("hhi", "", null)).toContain('"Other countries" counted as one producer');
    expect(data.source("hhi", "", 2022)).not.toContain("Other countries"); // MCS2024 has no such row
  });

  it("price, reserves, use, risk, strategy, event, element", () => {
    expect(data.source("price", "Nd2O3", 2019)).toContain(citationOf("MCS2024"));
    expect(data.source("reserves", "World", null)).toContain("lower bound");
    expect(data.source("use", "Nd", null)).toContain(citationOf("A002"));
    expect(data.source("use", "Terbium", null)).toContain("[S24]");
    expect(data.source("risk", "Export Quotas", "mitigation")).toContain("Build alternative supply chains");
    expect(data.source("strategy", "Recycling Programs", null)).toContain(citationOf("A002"));
    expect(data.source("event", "AE4", null)).toContain("early in 2023");
    expect(data.source("event", "e7", null)).toContain(citationOf("S7"));
    expect(data.source("element", "Dy", "group")).toBe(citationOf("S21"));
    expect(data.source("element", "Dy", "symbol")).toBe(citationOf("S20"));
  });

  it("every source id a record cites resolves, and the citation carries it", () => {
    const d = compiled();
    const ids = new Set<string>();
    const editions = new Map(d.editions.map((e) => [e.id, e.src]));
    d.elements.forEach((e) =>
      Object.values(e.src)
        .flat()
        .forEach((id) => ids.add(id)),
    );
    [...d.articleUses, ...d.elementShares, ...d.risks, ...d.strategies, ...d.lists, ...d.events].forEach((r) =>
      ids.add(r.src),
    );
    d.stages.forEach((s) => s.src.forEach((id) => ids.add(id)));
    [...d.production, ...d.reserves, ...d.prices, ...d.salient].forEach((r) => ids.add(editions.get(r.edition)!));
    for (const id of ids) expect(sources.has(id)).toBe(true);
    // Only cited sources are bundled.
    expect([...sources.keys()].sort()).toEqual([...ids].sort());
  });

  it("unknown kind is #VALUE!; unknown key follows the value's rules", () => {
    expect(errorOf(() => data.source("weather", "China", null)).code).toBe("invalidValue");
    expect(errorOf(() => data.source("production", "Chna", null)).message).toContain("Did you mean China?");
    expect(errorOf(() => data.source("production", "China", "last year")).code).toBe("invalidValue");
    expect(errorOf(() => data.source("event", "E99", null)).code).toBe("notAvailable");
    expect(errorOf(() => data.source("element", "Lutetium", "uses")).code).toBe("notAvailable");
    expect(errorOf(() => data.source("element", "Dy", "colour")).code).toBe("invalidValue");
  });
});
