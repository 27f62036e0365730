/** The data layer's public surface. */
export type { Cell, RareQueries, Table } from "./api";
export { RareError, isRareError, invalidNumber, invalidValue, notAvailable } from "./errors";
export type { RareErrorCode } from "./errors";
export { RareData } from "./rare-data";
export { mergeOverrides } from "./overrides";
export type {
  MergeResult,
  Overrides,
  PriceOverride,
  ProductionOverride,
  RejectedRow,
  ShareOverride,
} from "./overrides";
export { normalizeName } from "./names";
export type * from "./types";
