/**
 * The main screens' layout in Chromium, by geometry (getBoundingClientRect), not pixels, so that
 * another machine's fonts don't break it: at 1280 and at 320 px wide, the lesson, a rewrite
 * while drafting, the feedback after an attempt, the results, free practice and the manager
 * report. Each screen: the main column and the editors take the width they should, nothing
 * scrolls sideways, neighbouring boxes neither overlap nor touch, and Tab moves through the
 * screen in reading order. One browser for every screen.
 *
 * `LAYOUT_SCREENSHOTS=DIR` also saves a full-page PNG of each screen there, to look at.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromiumMissing } from '../../src/node/chromium-launch.ts';
import { serveStatic, type StaticServer } from '../../src/build/course-build.ts';
import { emptyProgress, type SavedProgress } from '../../src/content/progress.ts';
import { scoreAgainstRubric } from '../../src/content/rubric.ts';
import type { Course } from '../../src/content/schema.ts';
import { REPO_ROOT } from '../cli/run-tool.ts';
import { type BuiltCourse, closeBuiltCourse, openBuiltCourse } from './built-course.ts';

const WIDTHS = [1280, 320] as const;
/** The least space between two neighbouring blocks, in CSS pixels: they must not touch. */
const MIN_GAP = 8;
const SCREENSHOTS = process.env.LAYOUT_SCREENSHOTS;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  });
}

/** The boxes of an element's rendered children (slotted ones too), in document order. */
async function childBoxes(locator: Locator): Promise<(Box & { name: string })[]> {
  return locator.evaluate((el) => {
    const children = [...el.children].filter((c) => c.getClientRects().length > 0 && getComputedStyle(c).position !== 'absolute');
    return children.map((c) => {
      const r = c.getBoundingClientRect();
      const name = `${c.tagName.toLowerCase()}${c.id ? `#${c.id}` : ''}${c.classList.length ? `.${[...c.classList].join('.')}` : ''}`;
      return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    });
  });
}

/** Nothing on the page is wider than the window: the page never scrolls sideways. */
async function assertNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
  assert.ok(overflow <= 0, `${screen}: the page scrolls sideways by ${overflow} px`);
}

/**
 * A container's children, side by side or stacked, neither overlap nor touch: stacked blocks
 * keep MIN_GAP between them, blocks on one row keep it between their edges.
 */
async function assertSpaced(container: Locator, screen: string): Promise<void> {
  const boxes = (await childBoxes(container)).filter((b) => b.height > 0 && b.width > 0);
  assert.ok(boxes.length >= 2, `${screen}: expected at least two blocks to compare, found ${boxes.length}`);
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const vertical = Math.max(b.top - a.bottom, a.top - b.bottom);
      const horizontal = Math.max(b.left - a.right, a.left - b.right);
      assert.ok(
        Math.max(vertical, horizontal) >= MIN_GAP - 0.5,
        `${screen}: ${a.name} and ${b.name} ${vertical < 0 && horizontal < 0 ? 'overlap' : 'touch'} ` +
          `(${Math.round(Math.max(vertical, horizontal))} px apart, at least ${MIN_GAP} needed)`,
      );
    }
  }
}

/** What has focus, through every shadow root, and where it is. */
const FOCUSED = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const text = (el.getAttribute('aria-label') || el.textContent || el.id || el.tagName).replace(/\\s+/g, ' ').trim().slice(0, 40);
  return { text, left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height, bottom: r.bottom + scrollY };
})()`;

interface FocusStop {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  bottom: number;
}

/**
 * Tab from the top of the page through `stops` focus stops: each is visible (it has a size) and
 * comes after the one before in reading order: further down, or on the same line further along;
 * on a wide screen a new column may start back at the top, to the right of the last one.
 */
async function assertFocusOrder(page: Page, stops: number, screen: string): Promise<FocusStop[]> {
  await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur(); window.scrollTo(0, 0)');
  const seen: FocusStop[] = [];
  for (let i = 0; i < stops; i += 1) {
    await page.keyboard.press('Tab');
    const stop = (await page.evaluate(FOCUSED)) as FocusStop | null;
    if (!stop) break;
    assert.ok(stop.width > 0 && stop.height > 0, `${screen}: focus stop ${i + 1} (${stop.text}) is invisible`);
    const previous = seen.at(-1);
    if (previous) {
      const below = stop.top >= previous.top - 2;
      const sameLineFurther = Math.abs(stop.top - previous.top) < previous.height && stop.left >= previous.left;
      const nextColumn = stop.left >= previous.left + previous.width;
      assert.ok(
        below || sameLineFurther || nextColumn,
        `${screen}: Tab went from "${previous.text}" back up to "${stop.text}" (${Math.round(previous.top)} → ${Math.round(stop.top)} px)`,
      );
    }
    seen.push(stop);
  }
  assert.ok(seen.length >= Math.min(stops, 3), `${screen}: Tab reached only ${seen.length} stops`);
  return seen;
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A learner who has finished the course, every rewrite passed with its model answer. */
function finishedProgress(course: Course): SavedProgress {
  const progress = emptyProgress(course, Date.UTC(2026, 0, 5, 9));
  let at = 60;
  for (const lesson of course.lessons) {
    progress.lessons[lesson.id] = 'completed';
    for (const scenario of lesson.scenarios) {
      const first = scoreAgainstRubric(scenario, scenario.original);
      const last = scoreAgainstRubric(scenario, scenario.model);
      const checks = (r: typeof first) =>
        Object.fromEntries(r.analysis.checks.filter((c) => c.applicable && scenario.rubric.checks.includes(c.id)).map((c) => [c.id, Math.round(c.score * 100)]));
      progress.exercises[scenario.id] = {
        status: 'passed',
        attempts: [
          { score: Math.round(first.score), passed: first.passed, checks: checks(first), at: (at += 120), seconds: 100 },
          { score: Math.round(last.score), passed: true, checks: checks(last), at: (at += 120), seconds: 100 },
        ],
        hintsShown: 0,
        draft: { ...scenario.model },
      };
    }
    for (const question of lesson.questions) {
      const correct = question.options.flatMap((o, i) => (o.correct ? [i] : []));
      progress.questions[question.id] = { selected: correct, correct: true, tries: 1 };
    }
  }
  progress.location = course.lessons.at(-1)?.id ?? progress.location;
  return progress;
}

function writeReport(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/records-report.ts', 'docs/example-records.jsonl', '--out', out], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm run report failed: ${stderr}`))));
  });
}

describe('layout of the main screens in Chromium', { skip: chromiumMissing() }, () => {
  let built: BuiltCourse<StaticServer> | undefined;
  let course: Course;
  let dir = '';
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    built = await openBuiltCourse('course-layout-', (webDir) => serveStatic(webDir), (folder) => writeReport(join(folder, 'report')));
    ({ dir, server, browser, course } = built);
  });

  after(() => closeBuiltCourse(built));

  async function open(width: number, hash = '', progress?: SavedProgress): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    if (progress) {
      await context.addInitScript(
        `localStorage.setItem(${JSON.stringify(`email-course:${course.id}:progress`)}, ${JSON.stringify(JSON.stringify(progress))})`,
      );
    }
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + hash);
    await page.locator('course-player main').waitFor();
    return { context, page, errors };
  }

  for (const width of WIDTHS) {
    const wide = width >= 1000;

    it(`lesson, rewrite while drafting and feedback at ${width} px`, { timeout: 120_000 }, async () => {
      const { context, page, errors } = await open(width);
      try {
        const main = page.locator('course-player main');
        const outline = page.locator('course-player nav.outline');
        await page.locator('lesson-view h1').waitFor();
        await page.locator('rewrite-exercise').first().locator('button.primary').waitFor();
        await screenshot(page, `lesson-${width}`);

        await assertNoSidewaysScroll(page, `lesson at ${width}`);
        const mainBox = await box(main);
        const outlineBox = await box(outline);
        if (wide) {
          assert.ok(mainBox.width >= 0.6 * width, `lesson at ${width}: the main column is ${Math.round(mainBox.width)} px wide`);
          assert.ok(outlineBox.right <= mainBox.left, `lesson at ${width}: the outline sits beside the lesson`);
        } else {
          assert.ok(mainBox.width >= 0.85 * width, `lesson at ${width}: the main column is ${Math.round(mainBox.width)} px wide`);
          assert.ok(outlineBox.bottom <= mainBox.top, `lesson at ${width}: the outline sits above the lesson`);
        }
        await assertSpaced(page.locator('course-player .layout'), `lesson at ${width}`);
        await assertSpaced(page.locator('course-player lesson-view'), `lesson activities at ${width}`);
        await assertFocusOrder(page, 16, `lesson at ${width}`);

        // The outline stays in view on a wide screen while the lesson scrolls.
        if (wide) {
          await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
          const scrolled = await box(outline);
          assert.ok(scrolled.top >= 0 && scrolled.top < 800, `lesson at ${width}: the outline scrolled out of view (top ${Math.round(scrolled.top)} px)`);
          await page.evaluate('window.scrollTo(0, 0)');
        }

        // A knowledge check answered wrongly: its feedback keeps its distance from what follows.
        const question = page.locator('knowledge-check').first();
        await question.locator('input').first().check();
        await question.locator('button.submit').click();
        await question.locator('.feedback .verdict').waitFor();
        await assertSpaced(page.locator('course-player lesson-view'), `lesson after an answer at ${width}`);

        // Rewrite while drafting: the editor takes the width of its column.
        const exercise = page.locator('rewrite-exercise').first();
        await exercise.locator('button.primary').click();
        const body = exercise.locator('email-editor textarea');
        await body.waitFor();
        await exercise.locator('.live-score').waitFor();
        await screenshot(page, `rewrite-drafting-${width}`);
        await assertNoSidewaysScroll(page, `rewrite while drafting at ${width}`);
        const exerciseBox = await box(exercise);
        const bodyBox = await box(body);
        assert.ok(
          bodyBox.width >= (wide ? 0.55 : 0.8) * exerciseBox.width,
          `rewrite while drafting at ${width}: the message box is ${Math.round(bodyBox.width)} px of ${Math.round(exerciseBox.width)}`,
        );
        await assertSpaced(exercise.locator('.workspace'), `rewrite while drafting at ${width}`);
        await assertSpaced(exercise.locator('.workspace .side'), `rewrite side panels at ${width}`);

        // Feedback after an attempt that did not pass (the original, unchanged).
        await exercise.locator('button.submit').click();
        await exercise.locator('.feedback').waitFor();
        await screenshot(page, `rewrite-feedback-${width}`);
        await assertNoSidewaysScroll(page, `feedback at ${width}`);
        await assertSpaced(exercise.locator('.workspace'), `feedback at ${width}`);
        await assertSpaced(page.locator('course-player lesson-view'), `lesson with feedback at ${width}`);
        const feedbackBox = await box(exercise.locator('.feedback'));
        assert.ok(feedbackBox.width >= (wide ? 0.5 : 0.8) * exerciseBox.width, `feedback at ${width}: ${Math.round(feedbackBox.width)} px wide`);
        assert.deepEqual(errors, [], 'no script errors');
      } finally {
        await context.close();
      }
    });

    it(`results at ${width} px`, { timeout: 60_000 }, async () => {
      const { context, page, errors } = await open(width, '#/results', finishedProgress(course));
      try {
        const results = page.locator('course-results');
        await results.locator('.skills').waitFor();
        await screenshot(page, `results-${width}`);
        await assertNoSidewaysScroll(page, `results at ${width}`);
        const mainBox = await box(page.locator('course-player main'));
        assert.ok(mainBox.width >= (wide ? 0.6 : 0.85) * width, `results at ${width}: the main column is ${Math.round(mainBox.width)} px wide`);
        await assertSpaced(page.locator('course-player .layout'), `results at ${width}`);
        await assertSpaced(results.locator('section.results'), `results sections at ${width}`);
        await assertFocusOrder(page, 12, `results at ${width}`);
        assert.deepEqual(errors, [], 'no script errors');
      } finally {
        await context.close();
      }
    });

    it(`free practice at ${width} px`, { timeout: 60_000 }, async () => {
      const { context, page, errors } = await open(width, '#/practice');
      try {
        const practice = page.locator('practice-page');
        const body = practice.locator('email-editor textarea');
        await body.waitFor();
        await assertFocusOrder(page, 10, `free practice at ${width}`);
        await body.fill('Hi Jo,\n\nCould you send me the figures by Friday?\n\nThanks,\nSam');
        await practice.locator('check-list li').first().waitFor();
        await screenshot(page, `practice-${width}`);
        await assertNoSidewaysScroll(page, `free practice at ${width}`);
        const mainBox = await box(page.locator('course-player main'));
        const bodyBox = await box(body);
        // The regression this guards: the page squeezed into the outline's 14–18rem column.
        assert.ok(mainBox.width >= 0.85 * width, `free practice at ${width}: the page is ${Math.round(mainBox.width)} px wide`);
        assert.ok(bodyBox.width >= (wide ? 0.45 : 0.7) * width, `free practice at ${width}: the message box is ${Math.round(bodyBox.width)} px wide`);
        await assertSpaced(practice.locator('.layout'), `free practice at ${width}`);
        assert.deepEqual(errors, [], 'no script errors');
      } finally {
        await context.close();
      }
    });

    it(`manager report at ${width} px`, { timeout: 60_000 }, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(pathToFileURL(join(dir, 'report', 'report.html')).href);
        await screenshot(page, `report-${width}`);
        await assertNoSidewaysScroll(page, `manager report at ${width}`);
        const mainBox = await box(page.locator('main'));
        assert.ok(mainBox.width >= (wide ? 0.6 : 0.85) * width, `manager report at ${width}: main is ${Math.round(mainBox.width)} px wide`);
        await assertSpaced(page.locator('main'), `manager report at ${width}`);
        await assertFocusOrder(page, 12, `manager report at ${width}`);
        assert.deepEqual(errors, [], 'no script errors');
      } finally {
        await context.close();
      }
    });
  }
});
