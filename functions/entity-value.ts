/**
 * A RARE card (src/data/cards.ts) as the Excel.EntityCellValue a custom function returns
 * (CustomFunctionsRuntime 1.4, with `allowCustomDataForDataTypeAny`, which
 * custom-functions-metadata writes into functions.json):
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 * Shape, card layout and provider attribution as documented in
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-concepts and
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-entity-card
 * Every property is a typed cell value: Double with a number format, String, Boolean, or
 * an Array (whose elements are cell values) for histories and sources.
 */
import type { Card, CardProperty, CardValue } from "../src/data/cards";

const ICONS: Record<Card["what"], `${Excel.EntityCompactLayoutIcons}`> = { element: "Atom", country: "Globe" };

function cellValue(value: CardValue): Excel.CellValue {
  switch (value.kind) {
    case "number":
      return { type: "Double", basicValue: value.value, numberFormat: value.format };
    case "text":
      return { type: "String", basicValue: value.value };
    case "logical":
      return { type: "Boolean", basicValue: value.value };
    case "table":
      return {
        type: "Array",
        elements: value.rows.map((row, r) =>
          row.map((cell, c): Excel.CellValue => {
            const format = r === 0 ? null : value.formats[c];
            if (typeof cell === "number")
              return format
                ? { type: "Double", basicValue: cell, numberFormat: format }
                : { type: "Double", basicValue: cell };
            return { type: "String", basicValue: cell };
          }),
        ),
      };
  }
}

function property(p: CardProperty): Excel.EntityPropertyType {
  const value = cellValue(p.value);
  if (p.unit === undefined && p.source === undefined) return value;
  const metadata: Excel.CellValuePropertyMetadata = {
    ...(p.unit === undefined ? {} : { sublabel: p.unit }),
    ...(p.source === undefined ? {} : { attribution: [{ sourceText: p.source }] }),
  };
  return { ...value, propertyMetadata: metadata };
}

export function entityValue(card: Card): Excel.EntityCellValue {
  const properties: Record<string, Excel.EntityPropertyType> = {};
  for (const p of card.properties) properties[p.name] = property(p);
  return {
    type: "Entity",
    text: card.text,
    properties,
    layouts: {
      compact: { icon: ICONS[card.what] },
      card: {
        title: { property: "Name" },
        sections: card.sections.map((s) => ({ layout: "List", title: s.title, properties: [...s.properties] })),
      },
    },
    provider: { description: `RARE dataset ${card.version}` },
  };
}
