import packed from "./generated/dataset.json";
import { PackedDataset, unpackDataset } from "./pack";
import { RareData } from "./rare-data";
import type { Dataset } from "./types";

/**
 * The dataset compiled from seeds/ by `npm run data` (src/data/generated/dataset.json is
 * generated, not committed), and the RareData over it that the custom functions use.
 */
export const bundledDataset: Dataset = unpackDataset(packed as unknown as PackedDataset);

export const bundled: RareData = new RareData(bundledDataset);
