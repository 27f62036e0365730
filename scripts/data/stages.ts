import type { Stage, StageShareRecord } from "../../src/data/types";
import { STAGES } from "../../src/data/vocab";

/**
 * One figure per stage for SHARE(element, stage). The rule, in order:
 * 1. candidates: rows of a known stage whose indicator is China's own share ("China share…"),
 *    with a single value (not a range) and not a projection;
 * 2. prefer an exact figure over a qualified one ("over", "nearly", "more than");
 * 3. prefer a row with a stated data year ("2023", "2020-2023") over one without;
 * 4. prefer the latest data year; then the earlier row in the file.
 */

function statedYear(text: string): number | null {
  const m = /^(\d{4})(-(\d{4}))?$/.exec(text);
  return m ? Number(m[3] ?? m[1]) : null;
}

function isCandidate(row: StageShareRecord): boolean {
  return (
    row.stage !== "" && /^China share/.test(row.indicator) && row.value !== null && !/projection/i.test(row.indicator)
  );
}

export function chooseStageFigures(rows: StageShareRecord[]): Map<Stage, StageShareRecord> {
  const chosen = new Map<Stage, StageShareRecord>();
  for (const stage of STAGES) {
    const ranked = rows
      .map((row, index) => ({ row, index, year: statedYear(row.year) }))
      .filter(({ row }) => row.stage === stage && isCandidate(row))
      .sort(
        (a, b) =>
          Number(a.row.qualifier !== "") - Number(b.row.qualifier !== "") ||
          Number(a.year === null) - Number(b.year === null) ||
          (b.year ?? 0) - (a.year ?? 0) ||
          a.index - b.index,
      );
    if (ranked.length > 0) {
      ranked[0].row.chosen = true;
      chosen.set(stage, ranked[0].row);
    }
  }
  return chosen;
}
