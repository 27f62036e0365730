/**
 * The start-up steps that run only inside Excel (issue 9, "a start-up you can trust"):
 * loading the runtime with the workbook (Office.addin.setStartupBehavior, on unless the
 * workbook says off) and the custom-functions cache refresh, on for one open when
 * functions.json changed and off again after. Office's common API is faked at its
 * documented surface; the workbook is the preview host.
 */
import { bundled } from "../../../src/data/bundled";
import { installRuntime } from "../../../functions/runtime-bridge";
import { OverridesController } from "../../../taskpane/overrides-controller";
import { PreviewWorkbook } from "../../../taskpane/hosts/preview";
import { LOAD_WITH_WORKBOOK_KEY, runStartup, startupSteps } from "../../../taskpane/startup-steps";

const FORCE_REFRESH = "Office.ForceRefreshCustomFunctionsCache";

interface FakeOffice {
  startup: string[];
  saves: number;
  settings: Map<string, unknown>;
}

function fakeOffice(): FakeOffice {
  const fake: FakeOffice = { startup: [], saves: 0, settings: new Map() };
  const ok = <T>(done: (r: { status: string; value?: T }) => void) => done({ status: "succeeded" });
  (globalThis as { Office?: unknown }).Office = {
    StartupBehavior: { load: "Load", none: "None" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    addin: {
      setStartupBehavior: async (behavior: string) => void fake.startup.push(behavior),
    },
    context: {
      document: {
        settings: {
          get: (k: string) => fake.settings.get(k) ?? null,
          set: (k: string, v: unknown) => void fake.settings.set(k, v),
          refreshAsync: ok,
          saveAsync: (done: (r: { status: string }) => void) => {
            fake.saves++;
            ok(done);
          },
        },
      },
    },
  };
  return fake;
}

let metadata = '{"functions":[{"id":"SHARE"}]}';
let metadataStatus = 200;
const realFetch = globalThis.fetch;

beforeEach(() => {
  metadata = '{"functions":[{"id":"SHARE"}]}';
  metadataStatus = 200;
  (globalThis as { fetch?: unknown }).fetch = async (url: string) => {
    expect(url).toBe("functions.json");
    const body = new TextEncoder().encode(metadata);
    return { ok: metadataStatus === 200, status: metadataStatus, arrayBuffer: async () => body.buffer };
  };
});

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  globalThis.fetch = realFetch;
});

const start = async (workbook: PreviewWorkbook) =>
  runStartup(
    startupSteps(
      "excel",
      workbook,
      new OverridesController(
        workbook,
        installRuntime(bundled, () => undefined),
      ),
    ),
  );

describe("loading with the workbook", () => {
  it("asks Excel to load RARE with the workbook, unless the workbook says off", async () => {
    const office = fakeOffice();
    const workbook = new PreviewWorkbook();
    expect((await start(workbook)).problems).toEqual([]);
    expect(office.startup).toEqual(["Load"]);

    await workbook.setAddinData(LOAD_WITH_WORKBOOK_KEY, "off");
    await start(workbook);
    expect(office.startup).toEqual(["Load", "None"]);
  });

  it("does not set it in the preview (there is no Office there)", async () => {
    const workbook = new PreviewWorkbook();
    const steps = startupSteps(
      "preview",
      workbook,
      new OverridesController(
        workbook,
        installRuntime(bundled, () => undefined),
      ),
    );
    expect(steps.map((s) => s.id)).toEqual(["calculation", "overrides", "coauthors"]);
  });

  it("a refusal is shown with what it means, and the other steps complete", async () => {
    fakeOffice();
    const office = (globalThis as unknown as { Office: { addin: { setStartupBehavior: () => Promise<void> } } }).Office;
    office.addin.setStartupBehavior = () => Promise.reject(new Error("Not supported on this platform"));
    const result = await start(new PreviewWorkbook());
    expect(result.failed.map((s) => s.id)).toEqual(["startup"]);
    expect(result.problems).toEqual([
      "RARE could not set itself to load with this workbook: open the RARE pane after opening the workbook (Not supported on this platform).",
    ]);
  });
});

describe("the custom-functions cache", () => {
  it("refreshes it for one open when functions.json changed, then turns the refresh off", async () => {
    const office = fakeOffice();
    const workbook = new PreviewWorkbook();

    await start(workbook); // first open with RARE: the metadata is new to this workbook
    expect(office.settings.get(FORCE_REFRESH)).toBe(true);
    expect(office.saves).toBe(1);

    await start(workbook); // the open that refreshed it: off again
    expect(office.settings.get(FORCE_REFRESH)).toBe(false);
    expect(office.saves).toBe(2);

    await start(workbook); // nothing changed: no save, so the workbook is not marked changed
    expect(office.saves).toBe(2);

    metadata = '{"functions":[{"id":"SHARE"},{"id":"RISK"}]}'; // a new add-in version
    await start(workbook);
    expect(office.settings.get(FORCE_REFRESH)).toBe(true);
    expect(office.saves).toBe(3);
  });

  it("a functions.json that cannot be fetched is shown with what it means", async () => {
    fakeOffice();
    metadataStatus = 404;
    const result = await start(new PreviewWorkbook());
    expect(result.problems).toEqual([
      "RARE could not check whether Excel has its current function list: new functions may take a day to appear (functions.json: HTTP 404).",
    ]);
  });
});
