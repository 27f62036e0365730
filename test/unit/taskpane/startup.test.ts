/**
 * Start-up you can trust: the host comes from Office.onReady however long it takes (with a
 * "still starting" signal), and a failed start-up step is reported with what it means and
 * runs again on Retry while the functions stay on the bundled data.
 */
import { bundled } from "../../../src/data/bundled";
import { OVERRIDES_KEY } from "../../../src/overrides/store";
import { installRuntime } from "../../../functions/runtime-bridge";
import { detectHost } from "../../../taskpane/office-host";
import { OverridesController } from "../../../taskpane/overrides-controller";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { runStartup, startupSteps } from "../../../taskpane/startup-steps";
import { articleElement } from "../../support/seed-facts";

describe("detectHost", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    jest.useRealTimers();
  });

  it("waits for Office.onReady past any timeout, saying it is still starting", async () => {
    jest.useFakeTimers();
    let ready!: (info: { host: string }) => void;
    (globalThis as { Office?: unknown }).Office = {
      HostType: { Excel: "Excel" },
      onReady: () => new Promise((resolve) => (ready = resolve)),
    };
    const slow = jest.fn();
    const host = detectHost(slow);
    jest.advanceTimersByTime(30_000); // far beyond the 8 s the pane once gave up after
    expect(slow).toHaveBeenCalledTimes(1);
    ready({ host: "Excel" });
    await expect(host).resolves.toBe("excel");
  });

  it("outside Office (host null) it is the preview; without office.js at once", async () => {
    (globalThis as { Office?: unknown }).Office = {
      HostType: { Excel: "Excel" },
      onReady: async () => ({ host: null }),
    };
    await expect(detectHost(() => undefined)).resolves.toBe("preview");
    delete (globalThis as { Office?: unknown }).Office;
    await expect(detectHost(() => undefined)).resolves.toBe("preview");
  });
});

describe("start-up steps", () => {
  it("a failed read is reported with its meaning, the functions stay on bundled data, Retry completes it", async () => {
    const workbook = new PreviewWorkbook();
    await workbook.setAddinData(
      OVERRIDES_KEY,
      JSON.stringify({
        format: "rare-overrides",
        version: 1,
        layers: [
          {
            kind: "shares",
            source: "s",
            overrides: { source: "s", shares: [{ element: "Neodymium", share: 0.5 }] },
          },
        ],
      }),
    );
    const read = workbook.getAddinData.bind(workbook);
    let hidden = true; // Excel.run fails while the shared runtime's workbook is hidden
    workbook.getAddinData = async (key) => {
      if (hidden && key === OVERRIDES_KEY) throw new Error("RichApi.Error: The workbook is not ready");
      return read(key);
    };
    const runtime = installRuntime(bundled, () => undefined);
    const steps = startupSteps("preview", workbook, new OverridesController(workbook, runtime));

    const first = await runStartup(steps);
    expect(first.problems).toEqual([
      "The workbook's overrides could not be read: RARE functions use the bundled data (RichApi.Error: The workbook is not ready).",
    ]);
    expect(first.failed.map((s) => s.id)).toEqual(["overrides"]);
    expect(runtime.queries().share("Neodymium", null)).toBe(articleElement("Neodymium").share);

    hidden = false;
    const retry = await runStartup(first.failed);
    expect(retry.problems).toEqual([]);
    expect(runtime.queries().share("Neodymium", null)).toBe(0.5);
  });
});
