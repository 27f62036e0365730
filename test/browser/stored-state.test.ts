/**
 * Stored state in the real pane (preview host): a malformed overrides value or a tampered
 * scenario manifest arriving from the workbook (here through the co-author path Excel on
 * the web uses, SettingCollection.onSettingsChanged) leaves a working pane with a notice
 * naming it, and Clear stays reachable.
 */
import { paneForAllTests } from "../support/pane-hooks";

jest.setTimeout(120_000);

const { session } = paneForAllTests();
afterEach(() => {
  expect(session.errors).toEqual([]);
});

const layer = (shares: unknown) => ({
  kind: "shares",
  source: "workbook import: s.csv",
  overrides: { source: "workbook import: s.csv", shares },
});
const stored = (layers: unknown) => JSON.stringify({ format: "rare-overrides", version: 1, layers });

const MALFORMED: Array<[string, string, RegExp]> = [
  ["layers:[null]", stored([null]), /layers\[0\] is null/],
  ['shares:"abc"', stored([layer("abc")]), /shares is text, not a list/],
  ['element {"toString":1}', stored([layer([{ element: { toString: 1 }, share: 0.5 }])]), /element is an object/],
  ["unknown kind", stored([{ ...layer([]), kind: "bananas" }]), /kind is "bananas"/],
  ["share as text", stored([layer([{ element: "Neodymium", share: "0.5" }])]), /share is text/],
  ["top-level null", "null", /null, not an object/],
  ["not JSON", "{not json", /not valid JSON/],
];

const coauthorWrites = (key: string, value: string) =>
  session.page.evaluate(
    ([k, v]) =>
      (
        globalThis as unknown as { rarePreview: { coauthorSetsAddinData(k: string, v: string): void } }
      ).rarePreview.coauthorSetsAddinData(k, v),
    [key, value] as const,
  );
const share = () =>
  session.page.evaluate(() =>
    (
      globalThis as unknown as { RareRuntime: { associated: Record<string, (e: string) => unknown> } }
    ).RareRuntime.associated.SHARE("Neodymium"),
  );

it.each(MALFORMED)(
  "%s: a notice naming it, the functions on bundled data, Clear works",
  async (_name, value, named) => {
    const bundledShare = await share();
    await coauthorWrites("rare.overrides", value);
    const notice = session.page.locator('#startup-notices [data-group="overrides"]');
    await expect(notice.innerText()).resolves.toMatch(named);
    expect(await share()).toEqual(bundledShare);
    // The pane still works: another tab opens and its controls answer.
    await session.page.getByRole("tab", { name: "Scenarios" }).click();
    await session.page.getByRole("button", { name: "Create scenario sheet" }).waitFor();
    await session.page.getByRole("tab", { name: "Functions" }).click();

    await session.page.locator("#clear-stored-overrides").click();
    await notice.waitFor({ state: "detached" });
  },
);

it("a tampered scenario manifest is named in the sheet status, and the sheet is left alone", async () => {
  const page = session.page;
  await page.getByRole("tab", { name: "Scenarios" }).click();
  await page.getByRole("button", { name: "Create scenario sheet" }).click();
  await page.locator("#scenario-messages .message.success").waitFor();
  const sheet = await page.getByLabel("Sheet name").inputValue();
  const key = `rare.scenario.sheet:${sheet.toLowerCase()}`;
  const manifest = await page.evaluate(
    (k) =>
      (globalThis as unknown as { rarePreview: { getAddinData(k: string): Promise<string> } }).rarePreview.getAddinData(
        k,
      ),
    key,
  );
  const tampered = JSON.parse(manifest);
  tampered.structure.inputs = "A1";
  await coauthorWrites(key, JSON.stringify(tampered));
  await page.getByLabel("Sheet name").fill(`${sheet} `); // the status is checked again as the name changes
  await page.getByLabel("Sheet name").fill(sheet);
  await expect(page.locator("#scenario-sheet-status", { hasText: "is damaged" }).innerText()).resolves.toMatch(
    /structure\.inputs is not a list/,
  );
  await expect(
    page.getByRole("button", { name: "Create scenario sheet" }).getAttribute("disabled"),
  ).resolves.not.toBeNull();
});
