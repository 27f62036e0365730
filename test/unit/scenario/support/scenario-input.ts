/** The scenario most tests build: Export Quotas over the three elements with a sourced share. */
import type { ScenarioSheetInput } from "../../../../src/scenario/scenario-layout";

export const exportQuotasInput: ScenarioSheetInput = {
  sheetName: "Scenario Export Quotas",
  riskFactor: "Export Quotas",
  strategies: [
    { name: "Recycling Programs", offset: 0.1 },
    { name: "Domestic Mining Expansion", offset: 0.2 },
  ],
  elements: ["Neodymium", "Dysprosium", "Lanthanum"],
  cut: 0.3,
  elasticity: 0.5,
};
