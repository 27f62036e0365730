/**
 * The card the preview draws for an entity value, as plain data (no DOM, unit-tested in
 * Node). It follows the shape Excel documents for Excel.EntityCellValue (@types/office-js,
 * ExcelApi 1.16): the card's title is `layouts.card.title` (text, or a reference to a
 * property), its sections list property names; a property is a typed cell value (Double
 * with its number format, String, Boolean, Array, a nested Entity, Error…); `provider`
 * attributes the data. A property no section names is not on the card, as in Excel; with
 * no sections at all every property is shown, except those excluded from card view.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-entity-card
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 */
import type { EntityValue } from "../../src/excel/values";
import { formatForDisplay } from "../../src/workbook/format-display";

export interface CardRow {
  readonly name: string;
  readonly text: string;
  /** An array property, row by row. */
  readonly table?: string[][];
  /** Where the figure comes from (propertyMetadata.attribution source texts). */
  readonly sources?: string[];
}

export interface CardSection {
  readonly title?: string;
  readonly rows: CardRow[];
}

export interface CardView {
  readonly title: string;
  readonly sections: CardSection[];
  /** The provider's description (attribution), when the entity names one. */
  readonly provider?: string;
}

type Props = Readonly<Record<string, unknown>>;
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The text Excel shows for one typed cell value (a property, or an element of an array). */
export function cellValueText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
  const v = obj(value);
  const basic = v.basicValue;
  switch (v.type) {
    case "Double":
    case "FormattedNumber":
      return typeof basic === "number"
        ? formatForDisplay(basic, typeof v.numberFormat === "string" ? v.numberFormat : "General")
        : String(basic ?? "");
    case "Boolean":
      return basic === true ? "TRUE" : basic === false ? "FALSE" : String(basic ?? "");
    case "Entity":
      return typeof v.text === "string" ? v.text : "";
    case "Array": {
      const rows = Array.isArray(v.elements) ? (v.elements as unknown[][]) : [];
      return rows.map((r) => (Array.isArray(r) ? r.map(cellValueText).join(", ") : "")).join("; ");
    }
    case "Error":
      return typeof basic === "string" ? basic : `#${String(v.errorType ?? "VALUE")}!`;
    case "WebImage":
      return typeof v.altText === "string" ? v.altText : "(image)";
    default:
      return typeof basic === "string" || typeof basic === "number"
        ? String(basic)
        : typeof v.text === "string"
          ? v.text
          : "";
  }
}

function row(name: string, value: unknown): CardRow {
  const v = obj(value);
  const table =
    v.type === "Array" && Array.isArray(v.elements)
      ? (v.elements as unknown[][]).map((r) => (Array.isArray(r) ? r.map(cellValueText) : []))
      : undefined;
  const attribution = obj(v.propertyMetadata).attribution;
  const sources = Array.isArray(attribution)
    ? attribution.map((a) => obj(a).sourceText).filter((t): t is string => typeof t === "string" && t !== "")
    : [];
  return { name, text: cellValueText(value), ...(table ? { table } : {}), ...(sources.length ? { sources } : {}) };
}

const onCard = (value: unknown): boolean => obj(obj(obj(value).propertyMetadata).excludeFrom).cardView !== true;

export function entityCard(entity: EntityValue): CardView {
  const props: Props = entity.properties ?? {};
  const card = obj(obj(entity.layouts).card);
  const titleRef = obj(card.title).property;
  const title =
    typeof card.title === "string"
      ? card.title
      : typeof titleRef === "string" && titleRef in props
        ? cellValueText(props[titleRef])
        : (entity.text ?? "");
  const given = Array.isArray(card.sections) ? card.sections.map(obj) : null;
  const sections: CardSection[] = given
    ? given.map((s) => ({
        ...(typeof s.title === "string" ? { title: s.title } : {}),
        rows: (Array.isArray(s.properties) ? s.properties : [])
          .filter((name): name is string => typeof name === "string" && name in props)
          .map((name) => row(name, props[name])),
      }))
    : [
        {
          rows: Object.entries(props)
            .filter(([, v]) => onCard(v))
            .map(([name, v]) => row(name, v)),
        },
      ];
  const description = obj(entity.provider).description;
  return { title, sections, ...(typeof description === "string" && description ? { provider: description } : {}) };
}
