/**
 * What a single cell can be, as bits: type detection ANDs them over a column, so a column
 * keeps a type only if every value fits it. Numbers are read under both decimal conventions
 * at once: the bits of the decimal-comma reading sit COMMA_SHIFT places up, and a column's
 * convention picks which set counts (see underConvention).
 */
import { DATE_DMY, DATE_ISO, DATE_MDY } from "../dates";

export const CELL_NUMBER = 1;
export const CELL_PERCENT = 2;
export { DATE_ISO as CELL_DATE_ISO, DATE_DMY as CELL_DATE_DMY, DATE_MDY as CELL_DATE_MDY };
export const CELL_BOOLEAN = 32;
export const CELL_CURRENCY = 64;

/** The bits whose meaning depends on the decimal convention. */
export const CONVENTION_BITS = CELL_NUMBER | CELL_PERCENT | CELL_CURRENCY;
export const COMMA_SHIFT = 7;

export const CELL_ANY =
  CONVENTION_BITS | (CONVENTION_BITS << COMMA_SHIFT) | DATE_ISO | DATE_DMY | DATE_MDY | CELL_BOOLEAN;

/** A column's mask as one convention reads it: the other convention's number bits dropped. */
export function underConvention(mask: number, decimalComma: boolean): number {
  const shared = mask & ~CONVENTION_BITS & ~(CONVENTION_BITS << COMMA_SHIFT);
  return shared | (decimalComma ? (mask >> COMMA_SHIFT) & CONVENTION_BITS : mask & CONVENTION_BITS);
}
