/**
 * The built course inside the preview LMS, in Chromium, for SCORM 1.2 and 2004: launch → the
 * course initialises (status set, exit = suspend) → answer a question in the first lesson →
 * close the tab without finishing (pagehide) → launch again in a fresh browser profile (nothing
 * mirrored in the browser, so only the LMS's record can resume it) → same lesson, the answer
 * intact, entry = resume → Reset starts a new attempt (entry = ab-initio).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissing } from '../../src/node/chromium-launch.ts';
import { buildCourse } from '../../src/build/course-build.ts';
import type { Course } from '../../src/content/schema.ts';
import type { UiStrings } from '../../src/content/strings/index.ts';
import { bundleHostScript, readCourseInfo, startPreviewServer, type PreviewServer } from '../../scorm/preview/server.ts';
import { VERSION_LABELS } from '../../scorm/preview/version.ts';
import { loadCourseFiles } from '../e2e/course-files.ts';

const LESSON_TITLE = `(() => {
  const p = document.querySelector('course-player');
  const v = p && p.shadowRoot && p.shadowRoot.querySelector('lesson-view');
  const h = v && v.shadowRoot && v.shadowRoot.querySelector('h1');
  return h ? h.textContent.trim() : '';
})()`;

function questionPhase(id: string): string {
  return `(() => {
    const p = document.querySelector('course-player');
    const q = p && p.shadowRoot && [...p.shadowRoot.querySelectorAll('knowledge-check')].find((e) => e.question && e.question.id === ${JSON.stringify(id)});
    return q ? q.phase + ':' + q.correct : '';
  })()`;
}

/** How each version names what the test looks at. */
const VERSIONS = {
  '12': { api: 'API', get: 'LMSGetValue', status: 'cmi.core.lesson_status', exit: 'cmi.core.exit', entry: 'cmi.core.entry', location: 'cmi.core.lesson_location' },
  '2004': { api: 'API_1484_11', get: 'GetValue', status: 'cmi.completion_status', exit: 'cmi.exit', entry: 'cmi.entry', location: 'cmi.location' },
} as const;

type Version = keyof typeof VERSIONS;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface StoredRecord {
  cmi: Record<string, unknown> & { core?: Record<string, unknown>; interactions?: Record<string, { id?: string }> };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function courseFrame(page: Page): Promise<Frame> {
  return until('the course frame', async () => page.frames().find((f) => f.url().includes('/course/')));
}

/** The panel's table of values the course set (short values are shown whole). */
async function panelValues(page: Page): Promise<Record<string, string>> {
  return (await page.evaluate(`Object.fromEntries([...document.querySelectorAll('#values-body tr')].map((r) => [r.querySelector('th').textContent, r.querySelector('td').textContent]))`)) as Record<string, string>;
}

async function panelSession(page: Page, label: string): Promise<string> {
  return (await page.evaluate(`(() => { const dt = [...document.querySelectorAll('#session dt')].find((d) => d.textContent === ${JSON.stringify(label)}); return dt ? dt.nextElementSibling.textContent : ''; })()`)) as string;
}

describe('the preview LMS running the built course', { skip: chromiumMissing() }, () => {
  let dir = '';
  let server: PreviewServer;
  let browser: Browser;
  let course: Course;
  let strings: UiStrings;

  before(async () => {
    ({ course, strings } = loadCourseFiles());
    dir = await mkdtemp(join(tmpdir(), 'preview-e2e-'));
    await buildCourse(join(dir, 'web'));
    server = await startPreviewServer({ courseDir: join(dir, 'web'), dataDir: join(dir, 'data'), hostScript: await bundleHostScript(), port: 0, ...readCourseInfo() });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function storedRecord(version: Version): Promise<StoredRecord | undefined> {
    const response = await fetch(new URL(`/lms/record?v=${version}`, server.url));
    return response.status === 200 ? ((await response.json()) as StoredRecord) : undefined;
  }

  // The host page's CSP forbids eval, which playwright's string predicates use: tests only.
  const newContext = () => browser.newContext({ bypassCSP: true });

  for (const version of ['12', '2004'] as const) {
    it(`${VERSION_LABELS[version]}: a learner who closes the tab resumes where they were, answer intact`, { timeout: 120_000 }, async () => {
      const names = VERSIONS[version];
      const apiGet = (element: string) => `window.${names.api}.${names.get}(${JSON.stringify(element)})`;
      const lesson = course.lessons[0];
      const question = lesson?.questions.find((q) => q.type === 'single');
      assert.ok(lesson && question, 'the first lesson has a single-answer question');
      const correct = question.options.find((o) => o.correct);
      assert.ok(correct);
      assert.equal(await storedRecord(version), undefined, 'a first launch');

      // First launch.
      const firstContext = await newContext();
      const page = await firstContext.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // A first launch is not a failure: no request may fail (the console would log it).
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`${r.status()} for ${r.url()}`);
      });
      await page.goto(`${server.url}?v=${version}`);
      let frame = await courseFrame(page);
      await frame.waitForFunction(`${LESSON_TITLE} === ${JSON.stringify(lesson.title)}`);
      // exit is write-only: the panel shows what the course set.
      const values = await until('exit in the panel', async () => {
        const v = await panelValues(page);
        return v[names.exit] ? v : undefined;
      });
      assert.equal(values[names.exit], 'suspend');
      assert.equal(await panelSession(page, 'Entry'), 'ab-initio (first launch of this attempt)');
      assert.equal(await page.evaluate(apiGet(names.entry)), 'ab-initio');

      // Answer the question with the mouse, inside the course's shadow DOM.
      const check = frame.locator('knowledge-check').filter({ hasText: question.prompt });
      await check.getByLabel(correct.text, { exact: true }).check();
      await check.getByRole('button', { name: strings.question.submit }).click();
      await frame.waitForFunction(`${questionPhase(question.id)} === 'done:true'`);
      await until('the interaction in the stored record', async () => {
        const record = await storedRecord(version);
        return Object.values(record?.cmi.interactions ?? {}).some((i) => i.id === question.id) ? true : undefined;
      });
      const status = await until('the status in the panel', async () => (await panelValues(page))[names.status]);
      assert.equal(status, 'incomplete');
      assert.equal(await page.locator('#warnings-summary').textContent(), 'None so far.', 'nothing a strict LMS would reject');
      assert.deepEqual(
        await (async () => {
          if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE });
          return page.evaluate(
            `axe.run(document, { iframes: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
          );
        })(),
        [],
        'axe finds nothing on the host page',
      );

      // Close the tab without finishing: the course's pagehide terminates, the final commit goes by beacon.
      await page.close({ runBeforeUnload: true });
      const closed = await until('the final commit (total_time counted)', async () => {
        const record = await storedRecord(version);
        const total = version === '12' ? record?.cmi.core?.['total_time'] : record?.cmi['total_time'];
        return typeof total === 'string' && /[1-9]/.test(total) ? record : undefined;
      });
      assert.equal(typeof closed.cmi['suspend_data'], 'string');
      assert.notEqual(closed.cmi['suspend_data'], '');
      await firstContext.close();
      assert.equal(errors.join('\n'), '', 'no page errors');

      // Relaunch in a fresh profile: only the LMS's record can bring the learner back.
      const secondContext = await newContext();
      const again = await secondContext.newPage();
      again.on('pageerror', (e) => errors.push(String(e)));
      await again.goto(`${server.url}?v=${version}`);
      frame = await courseFrame(again);
      await frame.waitForFunction(`${LESSON_TITLE} === ${JSON.stringify(lesson.title)}`);
      await frame.waitForFunction(`${questionPhase(question.id)} === 'done:true'`);
      await until('exit = suspend again', async () => ((await panelValues(again))[names.exit] === 'suspend' ? true : undefined));
      assert.equal(await again.evaluate(apiGet(names.entry)), 'resume');
      assert.equal(await again.evaluate(apiGet(names.location)), lesson.id);
      assert.equal(await panelSession(again, 'Entry'), 'resume (saved progress found)');
      const selected = await frame.evaluate(`(() => {
        const p = document.querySelector('course-player');
        const q = [...p.shadowRoot.querySelectorAll('knowledge-check')].find((e) => e.question.id === ${JSON.stringify(question.id)});
        return [...q.selected];
      })()`);
      assert.deepEqual(selected, [question.options.indexOf(correct)], 'the chosen answer is still chosen');

      // Reset: a new attempt. The old course's final commit must not bring the record back.
      again.once('dialog', (d) => void d.accept());
      await Promise.all([again.waitForNavigation(), again.getByRole('button', { name: 'Reset (new attempt)' }).click()]);
      await courseFrame(again);
      await until('the new attempt in the panel', async () => ((await panelSession(again, 'Entry')).startsWith('ab-initio') ? true : undefined));
      assert.equal(await panelSession(again, 'Saved record'), 'none (new attempt)');
      assert.equal(await again.evaluate(apiGet(names.entry)), 'ab-initio');
      await secondContext.close();
      assert.equal(errors.join('\n'), '', 'no page errors');
    });
  }
});
