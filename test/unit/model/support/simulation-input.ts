/**
 * The simulation most tests run: the article's elements with China's shares from
 * seeds/article-tables/elements.csv, the cut and the elasticity drawn from triangular ranges,
 * one fixed seed.
 */
import type { SimulationInput } from "../../../../src/model/simulation";
import { articleElements } from "../../../support/seed-facts";

export const articleSimulationInput: SimulationInput = {
  elements: articleElements.map((e) => ({ name: e.element, share: e.share })),
  cut: { min: 0.1, mode: 0.3, max: 0.6 },
  elasticity: { min: 0.3, mode: 0.5, max: 0.9 },
  mitigation: 0.25,
  model: "constant",
  runs: 10_000,
  seed: 42,
};
