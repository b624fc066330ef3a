// Timing the analyzer in headless Chromium (Debian's, no downloads, no network, no server).
import { chromium } from 'playwright-core';
import type { EmailInput } from '../analyzer/index.ts';
import { buildBrowserBenchScript } from './bundle.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../node/chromium-launch.ts';

export { chromiumMissing } from '../node/chromium-launch.ts';
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

/**
 * Milliseconds from navigation start to the first lesson's heading being in the page, over
 * `runs` fresh browser contexts (no cache, no saved progress).
 */
export async function firstLessonRenderTimes(url: string, runs: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      // A string, not a function: tsx's compiled helpers don't exist inside the page.
      // The page's own clock in the animation frame that first finds the heading: a separate
      // evaluate afterwards would wait for whatever runs next and count it too.
      const found = await page.waitForFunction(
        `(() => { const p = document.querySelector('course-player'); const v = p && p.shadowRoot && p.shadowRoot.querySelector('lesson-view'); return v && v.shadowRoot && v.shadowRoot.querySelector('h1') ? performance.now() : false; })()`,
      );
      const elapsed: unknown = await found.jsonValue();
      if (typeof elapsed === 'number') times.push(elapsed);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}
