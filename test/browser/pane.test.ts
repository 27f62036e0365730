/** The task pane shell in preview mode: host detection, dataset version, function help. */
import { readFileSync } from "fs";
import { join } from "path";
import { paneForAllTests } from "../support/pane-hooks";
import { distDir } from "../support/paths";

jest.setTimeout(60_000);

const { session } = paneForAllTests();

it("says it runs in preview mode outside Excel", async () => {
  await expect(session.page.getByRole("status").first().innerText()).resolves.toMatch(
    /Preview mode: not running inside Excel/,
  );
  expect(await session.page.evaluate(() => document.body.dataset.host)).toBe("preview");
});

it("shows the dataset version the functions answer from", async () => {
  const version = await session.page.evaluate(() =>
    (
      globalThis as unknown as { RareRuntime: { associated: Record<string, () => string> } }
    ).RareRuntime.associated.VERSION(),
  );
  expect(version).toMatch(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{12}$/);
  await expect(session.page.locator("#dataset-version").innerText()).resolves.toBe(version);
});

it("lists every function of functions.json with its signature and one-line help", async () => {
  const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as {
    functions: Array<{ name: string }>;
  };
  const shown = await session.page.locator(".function-list dt code").allInnerTexts();
  expect(shown).toHaveLength(metadata.functions.length);
  expect(shown).toContain("=RARE.SHARE(element, [stage])");
  expect(shown).toContain("=RARE.PRICEIMPACT(element, cut, [elasticity], [mitigation], [model])");
  const help = await session.page.locator(".function-list dd").allInnerTexts();
  expect(help.every((h) => h.length > 10)).toBe(true);
  expect(session.errors).toEqual([]);
  expect(session.externalRequests).toEqual([]);
});

it("enforces a Content-Security-Policy without unsafe-inline or unsafe-eval", async () => {
  const page = session.page;
  const csp = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
  );
  expect(csp).toMatch(/script-src 'self'/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  // And the browser applies it: an injected inline script does not run. (eval cannot be
  // probed from here: DevTools evaluations are exempt from CSP.)
  const injected = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.appendChild(script);
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(injected).toBe(false);
  const html = readFileSync(join(distDir, "taskpane.html"), "utf8");
  expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
  session.errors.length = 0; // the refusal above is reported on the console, as they should be
});
