/**
 * The function table: each RARE function's parameters (name, coercion, and the names a
 * parameter accepts) declared once, with the computation behind it. functions.ts gives
 * each entry the JSDoc Excel reads; test/dist/function-table.test.ts checks that the
 * generated functions.json names the same parameters, in the same order, with the same
 * optionality, and that every help text lists exactly the names the code accepts.
 */
import { SOURCE_DETAIL_NAMES, SOURCE_KIND_NAMES } from "../src/data/citations";
import { isRareError } from "../src/data/errors";
import { RISK_FIELD_NAMES, STRATEGY_FIELD_NAMES, type RareData } from "../src/data/rare-data";
import { LIST_KIND_NAMES, TABLE_KIND_NAMES } from "../src/data/tables";
import { countryCard, elementCard, type Card } from "../src/data/cards";
import { HISTORY_MEASURES } from "../src/data/history";
import { STAGES } from "../src/data/vocab";
import { PRICE_MODELS } from "../src/model/price-model";
import { type PriceModel, requirePriceModel } from "../src/model/price-model";
import { gap, priceImpact } from "../src/model/scenario";
import { requireElasticity, requireFraction } from "../src/model/scenario-inputs";
import { number, optionalText, optionalTextOrNumber, optionalYear, text, type Coerce } from "./coerce";
import { entityValue } from "./entity-value";
import { hostTakesEntities } from "./entity-support";
import { lifted, param, spillArgs, spillOne, type Lifted } from "./lift";

const blank = (v: unknown): boolean => v === null || v === undefined || v === "";

const fraction =
  (what: string): Coerce<number> =>
  (v, name) =>
    requireFraction(number(v, name), what);
const optionalFraction =
  (what: string): Coerce<number | null> =>
  (v, name) =>
    blank(v) ? null : fraction(what)(v, name);
const optionalHeaders: Coerce<number | null> = (v, name) => (blank(v) ? null : number(v, name));
const optionalElasticity: Coerce<number | null> = (v, name) => (blank(v) ? null : requireElasticity(number(v, name)));
const optionalModel: Coerce<PriceModel | null> = (v) => (blank(v) ? null : requirePriceModel(v));

/**
 * A parameter that takes one of `names`: its help must list them, and Excel's AutoComplete
 * offers them as the custom enum `choicesId`.
 */
const oneOf = <T>(name: string, coerce: Coerce<T>, names: readonly string[], choicesId: string) =>
  param(name, coerce, { vocabulary: names, choices: { id: choicesId, values: names } });

/** A card as an entity value where the host takes one, else its name (README: "Cards"). */
const cardResult = (card: Card) => (hostTakesEntities() ? entityValue(card) : card.text);

/** Every function of the table, answering from `data()` (the bundled data or the workbook's overrides). */
export function functionTable(data: () => RareData) {
  // Scenario arguments are checked fully in the order they are written, so the first bad
  // argument is the one reported (an unknown element before an out-of-range cut).
  const elementWithShare: Coerce<string> = (v, name) => {
    const element = text(v, name);
    const share = data().tryShare(element, null);
    if (isRareError(share)) throw share;
    return element;
  };

  /** Every figure function may be pinned to an edition ("MCS2025"); omitted means the newest covering the year. */
  const edition = param("edition", optionalText, {
    choices: { id: "EDITION", values: data().list("editions").map(String) },
  });

  return {
    SHARE: lifted([param("element", text), oneOf("stage", optionalText, STAGES, "STAGE")], (element, stage) =>
      data().tryShare(element, stage),
    ),
    RISK: lifted(
      [param("factor", text), oneOf("field", optionalText, RISK_FIELD_NAMES, "RISKFIELD")],
      (factor, field) => data().risk(factor, field),
    ),
    USE: lifted([param("element", text)], (element) => data().use(element)),
    STRATEGY: lifted(
      [param("name", text), oneOf("field", optionalText, STRATEGY_FIELD_NAMES, "STRATEGYFIELD")],
      (name, field) => data().strategy(name, field),
    ),
    PRODUCTION: lifted([param("country", text), param("year", optionalYear), edition], (country, year, ed) =>
      data().production(country, year, ed),
    ),
    RESERVES: lifted([param("country", text), edition], (country, ed) => data().reserves(country, ed)),
    COUNTRYSHARE: lifted([param("country", text), param("year", optionalYear), edition], (country, year, ed) =>
      data().countryShare(country, year, ed),
    ),
    PRICE: lifted([param("oxide_or_element", text), param("year", optionalYear), edition], (name, year, ed) =>
      data().price(name, year, ed),
    ),
    HHI: lifted([param("year", optionalYear), edition], (year, ed) => data().hhi(year, ed)),
    USSTAT: lifted([param("metric", text), param("year", optionalYear), edition], (metric, year, ed) =>
      data().usStat(metric, year, ed),
    ),
    HISTORY: spillArgs(
      [
        param("measure", text, { choices: { id: "MEASURE", values: HISTORY_MEASURES.names } }),
        param("key", optionalText),
        param("start_year", optionalYear),
        param("end_year", optionalYear),
        param("headers", optionalHeaders),
      ],
      (measure, key, start, end, headers) => data().history(measure, key, start, end, headers),
    ),
    LIST: spillOne(oneOf("kind", text, LIST_KIND_NAMES, "LISTKIND"), (kind) =>
      data()
        .list(kind)
        .map((name) => [name]),
    ),
    TABLE: spillOne(oneOf("kind", text, TABLE_KIND_NAMES, "TABLEKIND"), (kind) => data().table(kind)),
    SOURCE: lifted(
      [
        oneOf("kind", text, SOURCE_KIND_NAMES, "SOURCEKIND"),
        param("key", text),
        param("field", optionalTextOrNumber),
        oneOf("detail", optionalText, SOURCE_DETAIL_NAMES, "SOURCEDETAIL"),
      ],
      (kind, key, field, detail) => data().source(kind, key, field, detail),
    ),
    ELEMENT: lifted([param("element", text)], (element) => cardResult(elementCard(data(), element))),
    COUNTRY: lifted([param("country", text)], (country) => cardResult(countryCard(data(), country))),
    GAP: lifted(
      [
        param("element", elementWithShare),
        param("cut", fraction("Cut")),
        param("mitigation", optionalFraction("Mitigation")),
      ],
      (element, cut, mitigation) => gap(data(), element, cut, mitigation),
    ),
    PRICEIMPACT: lifted(
      [
        param("element", elementWithShare),
        param("cut", fraction("Cut")),
        param("elasticity", optionalElasticity),
        param("mitigation", optionalFraction("Mitigation")),
        param("model", optionalModel, { choices: { id: "PRICEMODEL", values: PRICE_MODELS } }),
      ],
      (element, cut, elasticity, mitigation, model) => priceImpact(data(), element, cut, elasticity, mitigation, model),
    ),
  } satisfies Record<string, Lifted>;
}

export type FunctionTable = ReturnType<typeof functionTable>;
