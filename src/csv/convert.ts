/** One cell string → its value under a column type (previews; the import's hot path is columns.ts). */
import { isBlank } from "./cells";
import { DateReader } from "./dates";
import type { ResolvedType } from "./detect";
import { NumberReader } from "./numbers";
import type { CellValue } from "./results";
import type { CellReaders } from "./types/descriptor";
import { COLUMN_TYPES } from "./types/registry";

export class ValueConverter {
  private readonly point: CellReaders = { numbers: new NumberReader(false), dates: new DateReader() };
  private readonly comma: CellReaders = { numbers: new NumberReader(true), dates: this.point.dates };

  /** The typed value, null for a blank, or the string itself when it does not fit the type. */
  convert(value: string, type: ResolvedType): CellValue {
    const d = COLUMN_TYPES[type.type];
    if (d.storage === "text") return value === "" ? null : value;
    if (isBlank(value, 0, value.length)) return null;
    const readers = type.decimalSeparator === "," ? this.comma : this.point;
    const v = d.read(readers, value, 0, value.length, type.dateOrder ?? "mdy");
    if (v !== v) return value;
    return d.storage === "boolean" ? v === 1 : v;
  }
}
