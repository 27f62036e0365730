/**
 * The Import view's lower half: the tables of the workbook and what can be done with them.
 * - **Re-import…** on a table an import wrote (its recipe is stored): pick next month's file,
 *   see what changed (rows added or removed, columns that no longer match the recipe, cells
 *   the recipe's types cannot read), then **Replace rows** in place or Cancel.
 * - **Use for RARE functions** on any table whose shape RARE knows, not only after an import;
 *   the override stays linked to its table.
 * - The overrides in force with their tables, **Remove** for each, **Refresh data** (reads
 *   the linked tables again and re-validates them), **Clear overrides**.
 */
import { analyseAsync, importCsv, isRefusal, decodeBytes, encodingName } from "../../src/csv";
import { toImportData } from "../../src/csv/handover";
import { columnChanges, recipeOptions } from "../../src/csv/recipe";
import { describeKind, detectOverrides, type DetectedOverrides } from "../../src/overrides/detect-overrides";
import { readRecipes, recipeFor, storeRecipe, type TableRecipe } from "../import-recipes";
import { replaceTableRows } from "../../src/workbook/table-replace";
import type { TableInfo, Workbook } from "../../src/workbook/workbook";
import type { RejectedRow } from "../../src/data/overrides";
import { clear, h, setDisabled } from "../dom";
import { errorText, type MessageArea } from "../messages";
import type { OverridesController, TableRefresh } from "../overrides-controller";

export interface TablesPanel {
  readonly element: HTMLElement;
  /** Lists the tables again (after an import, a re-import, a change of overrides). */
  refresh(): Promise<void>;
  /** Shows what using `detected` gave (the same message after an import and from a table). */
  showUse(detected: DetectedOverrides, rejected: RejectedRow[], target: HTMLElement): void;
}

/** `messages`: the view's message area, where outcomes are said. */
export function renderTablesPanel(
  workbook: Workbook,
  overrides: OverridesController,
  messages: MessageArea,
): TablesPanel {
  const element = h("section", { id: "workbook-tables", "aria-labelledby": "workbook-tables-title" });
  const list = h("div", { id: "tables-list" });
  const review = h("div", { id: "reimport-review" });
  // Outside the list, which is drawn again whenever the overrides or the tables change.
  const useResult = h("div", { id: "tables-use-result" });
  const lookAgain = h("fluent-button" as "button", { id: "tables-refresh", role: "button" }, "Look for tables");
  const overridesBox = h("div", { id: "overrides-status" });
  const picker = h("input", {
    type: "file",
    id: "reimport-file",
    accept: ".csv,.tsv,.txt,text/csv,text/plain",
    hidden: true,
    "aria-label": "File to re-import",
  });
  element.append(
    h("h3", { id: "workbook-tables-title" }, "Tables in this workbook"),
    list,
    useResult,
    lookAgain,
    picker,
    review,
    overridesBox,
  );
  let pickingFor: TableRecipe | undefined;
  let busy = false;

  const showUse = (detected: DetectedOverrides, rejected: RejectedRow[], target: HTMLElement) => {
    const used = detected.rowCount - rejected.length;
    target.replaceChildren(
      h(
        "p",
        { class: `message ${used ? "success" : "error"}`, role: "status" },
        used
          ? `RARE functions in this workbook now use ${used} imported ${used === 1 ? "row" : "rows"} of ${describeKind(detected.kind)}.`
          : "No row could be used; the figures in force are unchanged.",
      ),
      ...rejectedList(rejected),
    );
  };

  const refresh = async () => {
    const [tables, recipes] = await Promise.all([workbook.listTables(), readRecipes(workbook)]);
    clear(list);
    if (!tables.length) {
      list.append(h("p", { class: "hint" }, "No tables yet: an import makes one."));
    } else {
      const rows = tables.map((t) => tableRow(t, recipeFor(recipes, t.name)));
      list.append(h("ul", { class: "tables" }, ...rows));
    }
    if (recipes.notices.length) messages.show("info", "Some stored import recipes were left out.", recipes.notices);
  };

  const tableRow = (t: TableInfo, recipe: TableRecipe | undefined): HTMLElement => {
    const rows = t.rect.rows - (t.hasHeaders ? 1 : 0);
    const item = h(
      "li",
      { "data-table": t.name },
      h("span", {}, `${t.name} (sheet ${t.sheet}, ${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"})`),
    );
    if (recipe && recipe.sheet.toLowerCase() === t.sheet.toLowerCase()) {
      const button = h(
        "fluent-button" as "button",
        { role: "button", class: "reimport", "aria-label": `Re-import ${t.name}` },
        "Re-import…",
      );
      button.addEventListener("click", () => {
        if (busy) return;
        pickingFor = recipe;
        picker.value = "";
        picker.click();
      });
      item.append(" ", button, h("span", { class: "hint" }, ` from ${recipe.recipe.fileName}, ${recipe.importedAt}`));
    }
    // The headers tell the shape: the rows are read only when the user chooses the table.
    const detected = detectOverrides(t.headers, [], "");
    if (detected) {
      const use = h(
        "fluent-button" as "button",
        { role: "button", class: "use-table", "aria-label": `Use ${t.name} for RARE functions` },
        "Use for RARE functions",
      );
      use.addEventListener("click", async () => {
        setDisabled(use, true);
        try {
          const fresh = await overrides.detectTable(t.name, tableSource(t.name));
          if (!fresh) throw new Error(`Table ${t.name} no longer has a shape RARE knows.`);
          showUse(fresh, await overrides.use(fresh, t.name), useResult);
        } catch (e) {
          useResult.replaceChildren(h("p", { class: "message error", role: "alert" }, errorText(e)));
        } finally {
          setDisabled(use, false);
        }
      });
      item.append(" ", use, h("span", { class: "hint" }, ` looks like ${describeKind(detected.kind)}`));
    }
    return item;
  };

  lookAgain.addEventListener("click", () => void refresh().catch((e) => messages.show("error", errorText(e))));
  let relist: ReturnType<typeof setTimeout> | undefined;
  void workbook
    .onTablesChanged(() => {
      if (relist) clearTimeout(relist);
      relist = setTimeout(() => void refresh().catch(() => undefined), 300);
    })
    .catch(() => undefined);

  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    const target = pickingFor;
    if (!file || !target) return;
    void reviewReimport(target, file).catch((e) => messages.show("error", errorText(e)));
  });

  /** Reads the new file with the recipe and shows what would change; nothing is written yet. */
  const reviewReimport = async (entry: TableRecipe, file: File) => {
    clear(review);
    messages.show("info", `Reading ${file.name} with the recipe of ${entry.table}…`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const options = recipeOptions(entry.recipe);
    const analysis = await analyseAsync(bytes, options);
    if (isRefusal(analysis)) {
      messages.show("error", `${file.name} cannot be re-imported: ${analysis.message}`, [
        `Table ${entry.table} is unchanged.`,
      ]);
      return;
    }
    const table = (await workbook.listTables()).find((t) => t.name.toLowerCase() === entry.table.toLowerCase());
    if (!table) {
      messages.show("error", `Table ${entry.table} is no longer in the workbook; import the file as a new sheet.`);
      return;
    }
    const before = table.rect.rows - 1;
    const after = analysis.rowCount;
    const columns = columnChanges(entry.recipe, analysis.headers);
    const detectedEncoding = decodeBytes(bytes).encoding;
    const changes = [
      after > before
        ? `${(after - before).toLocaleString("en-US")} ${after - before === 1 ? "row" : "rows"} added (${before.toLocaleString("en-US")} → ${after.toLocaleString("en-US")}).`
        : after < before
          ? `${(before - after).toLocaleString("en-US")} ${before - after === 1 ? "row" : "rows"} removed (${before.toLocaleString("en-US")} → ${after.toLocaleString("en-US")}).`
          : `Same number of rows (${after.toLocaleString("en-US")}).`,
      ...columns,
      ...(detectedEncoding !== entry.recipe.encoding
        ? [
            `The file looks like ${encodingName(detectedEncoding)}; the recipe reads it as ${encodingName(entry.recipe.encoding)}.`,
          ]
        : []),
      ...analysis.warnings.filter((w) => w.code !== "encoding").map((w) => w.message),
    ];
    const replace = h(
      "fluent-button" as "button",
      { appearance: "primary", id: "reimport-replace", role: "button" },
      "Replace rows",
    );
    const cancel = h("fluent-button" as "button", { id: "reimport-cancel", role: "button" }, "Cancel");
    cancel.addEventListener("click", () => {
      clear(review);
      messages.show("info", `Re-import cancelled: table ${entry.table} is unchanged.`);
    });
    const blocked = columns.length > 0;
    setDisabled(replace, blocked);
    review.append(
      h("h4", {}, `Re-import ${file.name} into ${entry.table}`),
      h("ul", { id: "reimport-changes" }, ...changes.map((c) => h("li", {}, c))),
      ...(blocked
        ? [
            h(
              "p",
              { class: "message error", role: "alert" },
              `The columns no longer match the recipe, so the rows cannot replace table ${entry.table}'s: import the file as a new sheet instead.`,
            ),
          ]
        : []),
      h("div", { class: "actions" }, replace, cancel),
    );
    messages.clear();
    replace.addEventListener("click", () => {
      if (busy || replace.hasAttribute("disabled")) return;
      void runReplace(entry, table, file.name, bytes, analysis.encoding, replace, cancel);
    });
  };

  const runReplace = async (
    entry: TableRecipe,
    table: TableInfo,
    fileName: string,
    bytes: Uint8Array,
    encoding: TableRecipe["recipe"]["encoding"] | undefined,
    replace: HTMLElement,
    cancel: HTMLElement,
  ) => {
    busy = true;
    setDisabled(replace, true);
    const controller = new AbortController();
    const stop = () => controller.abort();
    cancel.addEventListener("click", stop);
    try {
      messages.show("info", `Replacing the rows of ${entry.table}…`);
      const result = await importCsv(
        bytes,
        { ...recipeOptions(entry.recipe), fileName },
        { signal: controller.signal },
      );
      if (isRefusal(result)) {
        messages.show("error", `${fileName} cannot be re-imported: ${result.message}`, [
          `Table ${entry.table} is unchanged.`,
        ]);
        return;
      }
      const outcome = await overrides.whileWriting(() =>
        replaceTableRows(workbook, table, toImportData(result), { signal: controller.signal }),
      );
      const tables = (await workbook.listTables()).map((t) => t.name);
      const recipe = { ...entry.recipe, fileName, encoding: encoding ?? entry.recipe.encoding };
      const notStored = await storeRecipe(workbook, { ...entry, recipe, importedAt: today() }, tables);
      clear(review);
      messages.show(
        "success",
        `Table ${outcome.table} now holds the ${outcome.rowsAfter.toLocaleString("en-US")} ${outcome.rowsAfter === 1 ? "row" : "rows"} of ${fileName} (it had ${outcome.rowsBefore.toLocaleString("en-US")}); formulas that refer to it use the new rows.`,
        [...(outcome.warning ? [outcome.warning] : []), ...(notStored ? [notStored] : [])],
      );
      await afterTablesChanged();
    } catch (e) {
      messages.show(controller.signal.aborted ? "info" : "error", errorText(e));
    } finally {
      cancel.removeEventListener("click", stop);
      busy = false;
      await refresh();
    }
  };

  /** Linked overrides follow their tables: read them again, say what that gave. */
  const afterTablesChanged = async () => {
    if (!overrides.current.stored.layers.some((l) => l.table)) return;
    showRefresh(await overrides.refreshFromTables());
  };

  const showRefresh = (reports: TableRefresh[]) => {
    const box = h("div", { id: "overrides-refresh-result" });
    for (const r of reports) {
      box.append(
        h(
          "p",
          { class: `message ${r.problem ? "error" : "success"}`, role: "status" },
          r.problem ??
            `Table ${r.table}: RARE functions use ${r.used} ${r.used === 1 ? "row" : "rows"} of ${describeKind(r.kind)}.`,
        ),
        ...rejectedList(r.rejected),
      );
    }
    overridesBox.querySelector("#overrides-refresh-result")?.remove();
    overridesBox.append(box);
  };

  const renderOverrides = () => {
    const kept = overridesBox.querySelector("#overrides-refresh-result");
    clear(overridesBox);
    const { stored, notices } = overrides.current;
    // A damaged stored value (named in the pane's notices) can be cleared here too.
    if (!stored.layers.length && !notices.length) return;
    const clearButton = h("fluent-button" as "button", { id: "clear-overrides", role: "button" }, "Clear overrides");
    clearButton.addEventListener("click", async () => {
      await overrides.clear();
      messages.show("success", "Overrides cleared: RARE functions use the bundled data again.");
    });
    const refreshButton = h("fluent-button" as "button", { id: "overrides-refresh", role: "button" }, "Refresh data");
    refreshButton.addEventListener("click", async () => {
      setDisabled(refreshButton, true);
      try {
        showRefresh(await overrides.refreshFromTables());
      } catch (e) {
        messages.show("error", errorText(e));
      } finally {
        setDisabled(refreshButton, false);
      }
    });
    overridesBox.append(
      h("h3", {}, "Overrides in this workbook"),
      h(
        "ul",
        { id: "overrides-list" },
        ...stored.layers.map((l) => {
          const remove = h(
            "fluent-button" as "button",
            { role: "button", class: "remove-override", "aria-label": `Remove ${describeKind(l.kind)}` },
            "Remove",
          );
          remove.addEventListener("click", async () => {
            await overrides.remove(l.kind);
            messages.show(
              "success",
              `Removed the override of ${describeKind(l.kind)}: RARE functions use the bundled figures for it.`,
            );
          });
          return h(
            "li",
            { "data-kind": l.kind },
            `${describeKind(l.kind)}: ${l.source}${l.table ? ` (table ${l.table})` : ""} `,
            remove,
          );
        }),
      ),
      ...(stored.layers.some((l) => l.table) ? [refreshButton] : []),
      clearButton,
    );
    if (kept) overridesBox.append(kept);
  };
  overrides.subscribe(() => {
    renderOverrides();
    void refresh().catch(() => undefined);
  });
  renderOverrides();
  void overrides.followTables(showRefresh).catch(() => undefined);

  return { element, refresh, showUse };
}

function rejectedList(rejected: RejectedRow[]): HTMLElement[] {
  if (!rejected.length) return [];
  return [
    h("p", {}, `${rejected.length} ${rejected.length === 1 ? "row was" : "rows were"} not used:`),
    h("ul", { class: "rejected" }, ...rejected.slice(0, 50).map((r) => h("li", {}, `Row ${r.row}: ${r.reason}`))),
  ];
}

const tableSource = (table: string) => `workbook table ${table}, ${today()}`;

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
