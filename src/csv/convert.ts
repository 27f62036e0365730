/** One cell string → its value under a column type (previews; the import's hot path is columns.ts). */
import { isMissing, readBoolean } from "./cells";
import { DateReader } from "./dates";
import type { ResolvedType } from "./detect";
import { NumberReader } from "./numbers";
import type { CellValue } from "./results";

export class ValueConverter {
  private readonly numbers: NumberReader;
  private readonly dates = new DateReader();

  constructor(decimalComma: boolean) {
    this.numbers = new NumberReader(decimalComma);
  }

  /** The typed value, null for a blank, or the string itself when it does not fit the type. */
  convert(value: string, type: ResolvedType): CellValue {
    if (type.type === "text") return value === "" ? null : value;
    if (isMissing(value, 0, value.length)) return null;
    let v: number | boolean | null = null;
    switch (type.type) {
      case "number":
      case "percent": {
        const n = this.numbers.read(value, 0, value.length);
        if (n === n && this.numbers.percent === (type.type === "percent")) v = n;
        break;
      }
      case "date": {
        const n = this.dates.read(value, 0, value.length, type.dateOrder ?? "mdy");
        if (n === n) v = n;
        break;
      }
      case "boolean":
        v = readBoolean(value, 0, value.length);
        break;
    }
    return v === null ? value : v;
  }
}
