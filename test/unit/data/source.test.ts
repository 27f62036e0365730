import { compiled, rareData } from "./seeds";
import { caughtRareError as errorOf } from "../../support/rare-error";

const data = rareData();
const sources = new Map(compiled().sources.map((s) => [s.id, s]));

/** The citation of one source as the "full" detail gives it. */
const citationOf = (id: string) => {
  const s = sources.get(id)!;
  return `${s.title}, ${s.publisher} (${s.date || "undated"}), ${s.locator} [${s.id}], ${s.type}`;
};
/** The default: publisher first, under 300 characters. */
const shortOf = (id: string) => `${sources.get(id)!.publisher}, `;
const full = (kind: string, key: string, field: string | number | null) => data.source(kind, key, field, "full");

describe("source(kind, key, field)", () => {
  it("share without a stage cites the article and what it printed", () => {
    const text = data.source("share", "nd", null);
    expect(text.startsWith(shortOf("A002"))).toBe(true);
    expect(text).toContain("[A002]");
    expect(text).toContain("80%");
    expect(text.length).toBeLessThan(300);
    expect(full("share", "nd", null).startsWith(citationOf("A002"))).toBe(true);
  });

  it("share with a stage says it is sector-wide and a secondary report", () => {
    const text = full("share", "Neodymium", "mining");
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
    const text = full("production", "China", 2023);
    expect(text.startsWith(citationOf("S1"))).toBe(true);
    expect(text).toContain("USGS MCS2025, 2023; the newest edition covering 2023");
    expect(text).toContain("MCS2024: 240000");
    expect(data.source("production", "China", "2021")).toContain("[MCS2023]");
    expect(data.source("production", "China", 2024)).toContain("USGS MCS2026, report v1.3 (2026-05-27)");
  });

  it("countryshare and hhi state their denominator", () => {
    expect(full("countryshare", "China", null)).toContain("not of the rounded world total");
    expect(data.source("Country Share", "China", 2025)).toBe(data.source("countryshare", "China", null));
    expect(data.source("hhi", "2020", null)).toContain("[MCS2022]");
    expect(full("hhi", "", null)).toContain("computed, not published by USGS");
    expect(full("hhi", "", null)).toContain('"Other countries" counted as one producer');
    expect(full("hhi", "", 2022)).not.toContain("Other countries"); // MCS2024 has no such row
  });

  it("price, reserves, use, risk, strategy, event, element", () => {
    expect(data.source("price", "Nd2O3", 2019)).toContain("[MCS2024]");
    expect(full("reserves", "World", null)).toContain("lower bound");
    expect(full("use", "Nd", null)).toContain(citationOf("A002"));
    expect(data.source("use", "Terbium", null)).toContain("S24");
    expect(full("risk", "Export Quotas", "mitigation")).toContain("Build alternative supply chains");
    expect(full("strategy", "Recycling Programs", null)).toContain(citationOf("A002"));
    expect(full("event", "AE4", null)).toContain("early in 2023");
    expect(full("event", "e7", null)).toContain(citationOf("S7"));
    expect(full("element", "Dy", "group")).toBe(citationOf("S21"));
    expect(full("element", "Dy", "symbol")).toBe(citationOf("S20"));
    expect(data.source("element", "Dy", "symbol").length).toBeLessThan(300);
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
    [
      ...d.production,
      ...d.reserves,
      ...d.prices,
      ...d.salient,
      ...d.supersededProduction,
      ...d.supersededReserves,
      ...d.supersededPrices,
      ...d.supersededSalient,
      ...d.importSources,
      ...d.history,
    ].forEach((r) => ids.add(editions.get(r.edition)!));
    d.events.forEach((e) => e.correctionSrc !== "" && ids.add(e.correctionSrc));
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
