/**
 * The audit's "Cite with" column and the builder's citation are RARE.SOURCE calls written
 * into cells: each must be a call RARE.SOURCE accepts in Excel (its key is required text),
 * and give the citation of the figure the original call returned.
 */
import * as rare from "../../../functions/functions";
import { citationRequest, sourceCallText, type ArgValue } from "../../../src/travel/citation-request";
import { only } from "../functions/cells";

/** Runs the request as Excel would run the written call: each argument a 1×1 range, omitted ones null. */
function cite(fn: string, args: ArgValue[]): unknown {
  const asked = citationRequest(fn, args);
  if (asked.kind !== "source") throw new Error(`${fn} has no source citation`);
  const cell = (v: ArgValue) => (v === null ? null : [[v]]);
  return only(rare.source([[asked.sourceKind]], cell(asked.key)!, cell(asked.field) ?? undefined));
}

describe("citationRequest", () => {
  it.each<[string, ArgValue[]]>([
    ["SHARE", ["Neodymium"]],
    ["SHARE", ["Dy", "refining"]],
    ["RISK", ["Export Quotas", "impact"]],
    ["USE", ["Nd"]],
    ["PRODUCTION", ["China", 2024]],
    ["PRODUCTION", ["Australia"]],
    ["RESERVES", ["Brazil"]],
    ["COUNTRYSHARE", ["China", 2025]],
    ["PRICE", ["NdPr oxide", 2025]],
    ["HHI", [2024]],
    ["HHI", []],
    ["GAP", ["Neodymium", 0.5]],
  ])("%s(%j) is cited by a RARE.SOURCE call that answers", (fn, args) => {
    const value = cite(fn, args);
    // An error shows itself in the failure message; a citation is text.
    expect(typeof value === "string" ? "a citation" : value).toBe("a citation");
  });

  it("cites HHI by its year as text, and HHI() by the world market's latest year", () => {
    const withYear = citationRequest("HHI", [2024]);
    const latest = citationRequest("HHI", []);
    expect(withYear.kind === "source" && sourceCallText(withYear)).toBe('RARE.SOURCE("hhi","2024")');
    expect(latest.kind === "source" && sourceCallText(latest)).toBe('RARE.SOURCE("hhi","World")');
    const latestYear = String(cite("HHI", []));
    expect(latestYear).toMatch(/for \d{4}/);
    const year = /for (\d{4})/.exec(latestYear)![1];
    expect(cite("HHI", [Number(year)])).toBe(latestYear);
  });
});
