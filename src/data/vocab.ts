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

/** Oxides (and mischmetal) whose prices the USGS salient files report, by column formula. */
export const USGS_OXIDES: readonly { name: string; formula: string; element: string }[] = [
  { name: "Cerium oxide", formula: "CeO2", element: "Cerium" },
  { name: "Dysprosium oxide", formula: "Dy2O3", element: "Dysprosium" },
  { name: "Europium oxide", formula: "Eu2O3", element: "Europium" },
  { name: "Lanthanum oxide", formula: "La2O3", element: "Lanthanum" },
  { name: "Mischmetal", formula: "Mischmetal", element: "" },
  { name: "Neodymium oxide", formula: "Nd2O3", element: "Neodymium" },
  { name: "Terbium oxide", formula: "TbO2", element: "Terbium" },
];

/** Common oxide formulas, so "Pr6O11" resolves to praseodymium (and then says "no sourced price"). */
export const OXIDE_FORMULA_ALIASES: Record<string, string> = {
  Tb4O7: "Terbium",
  Pr6O11: "Praseodymium",
  Sm2O3: "Samarium",
  Gd2O3: "Gadolinium",
  Y2O3: "Yttrium",
  Lu2O3: "Lutetium",
  Sc2O3: "Scandium",
  Ho2O3: "Holmium",
  Er2O3: "Erbium",
  Tm2O3: "Thulium",
  Yb2O3: "Ytterbium",
  Ce2O3: "Cerium",
};

export const COUNTRY_ALIASES: Record<string, readonly string[]> = {
  "United States": ["US", "U.S.", "USA", "U.S.A.", "United States of America"],
  Burma: ["Myanmar"],
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
  "us_import_source_share",
  "us_apparent_consumption",
] as const;
