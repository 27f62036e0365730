/**
 * Excel on the web takes a while per sync (a network round trip); the preview does not.
 * Giving each preview sync Excel-like latency makes mid-import behaviour observable.
 */
import type { Page } from "playwright-core";

export async function addSyncLatency(page: Page, ms: number): Promise<void> {
  await page.evaluate((delay) => {
    type Batch = { sync(): Promise<void> };
    const wb = (
      globalThis as unknown as { rarePreview: { run(work: (b: Batch) => Promise<unknown>): Promise<unknown> } }
    ).rarePreview;
    const run = wb.run.bind(wb);
    wb.run = (work) =>
      run((batch) => {
        const sync = batch.sync.bind(batch);
        batch.sync = async () => {
          await new Promise((r) => setTimeout(r, delay));
          return sync();
        };
        return work(batch);
      });
  }, ms);
}
