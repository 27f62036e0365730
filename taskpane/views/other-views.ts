/**
 * The views besides Functions, in one chunk (views.js) that taskpane.ts loads once the
 * Functions view's builder is up, so the pane is usable before their code (the CSV import
 * with papaparse, the scenario builder, the Workbook view's actions) and Fluent UI's
 * components and theme are evaluated. The builder and the pane's shell use native controls
 * whose CSS falls back to the same light-theme colours until the theme is applied; a
 * fluent-button shown before (the start-up panel's Retry) is upgraded when it is defined.
 */
import "@fluentui/web-components/button.js";
import { setTheme } from "@fluentui/web-components";
import { webLightTheme } from "@fluentui/tokens";

export function applyTheme(): void {
  setTheme(webLightTheme);
}

export { renderImportView } from "./import-view";
export { renderScenarioView } from "./scenario-view";
export { renderWorkbookView } from "./workbook-view";
