import { RareData } from "../../src/data/rare-data";
import type { Dataset } from "../../src/data/types";
import { WORLD } from "../../src/data/vocab";

/**
 * Every figure a dataset serves, flat and keyed by what a reader asks for
 * ("production China 2024"), with the edition or source it came from. A release's figures
 * are kept under seeds/releases/ so the next build can say what changed (docs/DATA-CHANGES.md).
 */
export interface Figure {
  value: number | string;
  from: string;
  /** The report revision behind the figure, when one changed it after the data release. */
  note?: string;
}

export type Figures = Record<string, Figure>;

export interface ReleaseFigures {
  version: string;
  figures: Figures;
}

export function figuresOf(dataset: Dataset): Figures {
  const data = new RareData(dataset);
  const out: Figures = {};
  const noted = (revision: string | undefined) => (revision ? { note: revision } : {});
  for (const p of dataset.production)
    out[`production ${p.country} ${p.year}`] = { value: p.tonnes, from: p.edition, ...noted(p.revision) };
  for (const r of dataset.reserves)
    out[`reserves ${r.country}`] = {
      value: r.tonnes === null ? "NA" : `${r.qualifier}${r.tonnes}`,
      from: r.edition,
      ...noted(r.revision),
    };
  for (const p of dataset.prices) out[`price ${p.oxide} ${p.year}`] = { value: p.usdPerKg, from: p.edition };
  for (const s of dataset.salient) out[`${s.metric} ${s.item} ${s.year}`] = { value: s.value, from: s.edition };
  for (const s of dataset.elementShares) out[`share ${s.element}`] = { value: s.share, from: s.src };
  for (const s of dataset.stages.filter((row) => row.chosen))
    out[`share stage ${s.stage}`] = { value: s.value ?? s.valueText, from: s.src.join(" ") };
  for (const i of dataset.importSources ?? [])
    if (i.element !== "" && i.country.startsWith("China"))
      out[`share ${i.element} us imports`] = { value: i.share, from: i.edition };
  const years = [...new Set(dataset.production.map((p) => p.year))].sort((a, b) => a - b);
  for (const year of years) {
    const edition = dataset.production.find((p) => p.year === year && p.country !== WORLD)?.edition ?? "";
    out[`hhi ${year}`] = { value: Math.round(data.hhi(year) * 10) / 10, from: edition };
    for (const p of dataset.production.filter((row) => row.year === year && row.country !== WORLD))
      out[`countryshare ${p.country} ${year}`] = {
        value: Math.round(data.countryShare(p.country, year) * 10000) / 10000,
        from: edition,
      };
  }
  return out;
}
