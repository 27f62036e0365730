/**
 * The views besides Functions, in one chunk (views.js) that taskpane.ts loads while the
 * Functions view's builder comes up, so the pane is usable before their code (the CSV
 * import with papaparse, the scenario builder, the Workbook view's actions) is evaluated.
 */
export { renderImportView } from "./import-view";
export { renderScenarioView } from "./scenario-view";
export { renderWorkbookView } from "./workbook-view";
