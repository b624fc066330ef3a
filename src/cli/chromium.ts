// Timing the analyzer in headless Chromium (Debian's, no downloads, no network, no server).
import { chromium } from 'playwright-core';
import type { EmailInput } from '../analyzer/index.ts';
import { buildBrowserBenchScript } from './bundle.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-launch.ts';

export { chromiumMissing } from './chromium-launch.ts';
import type { TimingPlan } from './timing.ts';

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number');
}

/** Per-run milliseconds of analyzeEmail(input) inside an about:blank page. */
export async function timeInChromium(input: EmailInput, plan: TimingPlan): Promise<number[]> {
  const script = await buildBrowserBenchScript();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: script });
    // A string, not a function: tsx's compiled helpers (__name) don't exist inside the page.
    const times: unknown = await page.evaluate(`globalThis.__emailBench(${JSON.stringify(input)}, ${JSON.stringify(plan)})`);
    if (!isNumberArray(times)) throw new Error('the page returned no timings');
    return times;
  } finally {
    await browser.close();
  }
}
