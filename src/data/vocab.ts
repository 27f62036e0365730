import type { Stage } from "./types";

/**
 * Fixed vocabularies shared by the compile step and the query layer. They name things;
 * they carry no figures (every figure comes from seeds/).
 */

/** USGS world tables: the rounded total is kept as a row but is not a country. */
export const WORLD = "World total (rounded)";
/** USGS prints "Other countries" (MCS2022/2023) or "Other" (MCS2025): one group. */
export const OTHER = "Other countries";

export const STAGES: readonly Stage[] = ["mining", "refining", "magnets", "us imports"];

/** Aliases users may type for each stage (matched after name normalisation). */
export const STAGE_ALIASES: Record<Stage, readonly string[]> = {
  mining: ["mine", "mine production", "mined", "extraction"],
  refining: ["processing", "separation", "refining/processing", "refining/separation", "refined"],
  magnets: ["magnet", "magnet manufacturing", "permanent magnets", "magnet production"],
  "us imports": ["us import", "u.s. imports", "imports", "US imports of compounds and metals", "trade (us imports)"],
};

/** How curated/china_shares.csv labels stages; rows outside these carry no stage. */
export const CURATED_STAGE_LABELS: Record<string, Stage> = {
  mining: "mining",
  "mining/supply": "mining",
  "refining/processing": "refining",
  "refining/separation": "refining",
  "magnet manufacturing": "magnets",
  "trade (US imports)": "us imports",
};

/**
 * Oxides (and mischmetal) USGS prices, with the formula its salient column names use (TbO2
 * for terbium) and the formulas users type. NdPr oxide is a mixed oxide of two elements: it
 * resolves as a price, never as an element.
 */
export const USGS_OXIDES: readonly {
  name: string;
  formula: string;
  element: string;
  aliases?: readonly string[];
  /** A product of several elements (element ""): the elements it is made of, for messages. */
  parts?: readonly string[];
}[] = [
  { name: "Cerium oxide", formula: "CeO2", element: "Cerium" },
  { name: "Dysprosium oxide", formula: "Dy2O3", element: "Dysprosium" },
  { name: "Erbium oxide", formula: "Er2O3", element: "Erbium" },
  { name: "Europium oxide", formula: "Eu2O3", element: "Europium" },
  { name: "Gadolinium oxide", formula: "Gd2O3", element: "Gadolinium" },
  { name: "Holmium oxide", formula: "Ho2O3", element: "Holmium" },
  { name: "Lanthanum oxide", formula: "La2O3", element: "Lanthanum" },
  { name: "Lutetium oxide", formula: "Lu2O3", element: "Lutetium" },
  {
    name: "Mischmetal",
    formula: "Mischmetal",
    element: "",
    aliases: ["misch metal", "mischmetall"],
    parts: ["Cerium", "Lanthanum"],
  },
  { name: "Neodymium oxide", formula: "Nd2O3", element: "Neodymium" },
  {
    name: "NdPr oxide",
    formula: "NdPr",
    element: "",
    parts: ["Neodymium", "Praseodymium"],
    aliases: [
      "Neodymium-praseodymium oxide",
      "Neodymium-praseodymium (NdPr) oxide",
      "PrNd",
      "PrNd oxide",
      "Nd-Pr oxide",
      "Nd/Pr oxide",
    ],
  },
  { name: "Praseodymium oxide", formula: "Pr6O11", element: "Praseodymium" },
  { name: "Samarium oxide", formula: "Sm2O3", element: "Samarium" },
  { name: "Scandium oxide", formula: "Sc2O3", element: "Scandium" },
  { name: "Terbium oxide", formula: "TbO2", element: "Terbium", aliases: ["Tb4O7"] },
  { name: "Ytterbium oxide", formula: "Yb2O3", element: "Ytterbium" },
  { name: "Yttrium oxide", formula: "Y2O3", element: "Yttrium" },
];

/** Oxide formulas of elements USGS does not price, so "Tm2O3" resolves and says "no sourced price". */
export const OXIDE_FORMULA_ALIASES: Record<string, string> = {
  Tm2O3: "Thulium",
  Ce2O3: "Cerium",
};

export const COUNTRY_ALIASES: Record<string, readonly string[]> = {
  "United States": ["US", "U.S.", "USA", "U.S.A.", "United States of America"],
  Burma: ["Myanmar", "Myanmar (Burma)", "Burma (Myanmar)", "Republic of the Union of Myanmar"],
  China: ["PRC", "People's Republic of China", "China (PRC)"],
  Russia: ["Russian Federation"],
  Vietnam: ["Viet Nam"],
  Tanzania: ["United Republic of Tanzania"],
  [OTHER]: ["Other", "Others", "Other country", "Rest of world", "Rest of the world"],
  [WORLD]: ["World", "World total", "Total", "World (rounded)"],
};

/** US salient series bundled (others stay in seeds/ but are not served). */
export const SALIENT_METRICS = [
  "net_import_reliance",
  "us_imports",
  "us_exports",
  "us_production",
  "us_employment",
  "us_import_source_share",
  "us_apparent_consumption",
] as const;

/** Editions that are not Mineral Commodity Summaries: USGS Data Series 140 (1900-2020). */
export const DS140 = "DS140";
