/**
 * The built course inside the preview LMS, in Chromium, for SCORM 1.2 and 2004, each both in
 * scorm-again's lenient mode and in the strict mode (strict-lms.ts: numbers from GetValue,
 * every change resent in 2004, beacons on leaving within 64 KiB, the standard's limits):
 * - leave and relaunch, then answer: answer a question, then the lesson's other questions (the
 *   lesson's checks go as one interaction) → close the tab (pagehide) → launch again in a fresh
 *   browser profile (only the LMS's record can resume it) → same lesson, the answer intact,
 *   entry = resume → submit a rewrite: it goes after the checks, which stay → Reset;
 * - three lessons then leave: everything done before leaving reaches the LMS, total_time too;
 * - the whole course in one sitting: commits counted, the leaving commit within budget.
 * The keyboard journey is covered by test/e2e/journey.test.ts; here the course's activities are
 * driven through their actors, which is what the LMS sees, and quick.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { chromiumMissing } from '../../src/node/chromium-launch.ts';
import { readCourseInfo } from '../../src/build/course-info.ts';
import type { Course } from '../../src/content/schema.ts';
import type { UiStrings } from '../../src/content/strings/index.ts';
import { bundleHostScript, startPreviewServer, type PreviewServer } from '../../scorm/preview/routes.ts';
import { VERSION_LABELS } from '../../scorm/preview/version.ts';
import { scormId } from '../../src/lms/cmi.ts';
import { AXE_SOURCE, type BuiltCourse, closeBuiltCourse, openBuiltCourse } from '../e2e/built-course.ts';

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
  '12': { api: 'API', get: 'LMSGetValue', status: 'cmi.core.lesson_status', exit: 'cmi.core.exit', entry: 'cmi.core.entry', location: 'cmi.core.lesson_location', response: 'student_response' },
  '2004': { api: 'API_1484_11', get: 'GetValue', status: 'cmi.completion_status', exit: 'cmi.exit', entry: 'cmi.entry', location: 'cmi.location', response: 'learner_response' },
} as const;

const MODES = ['lenient', 'strict'] as const;
type Mode = (typeof MODES)[number];

/** What the strict LMS sent (window.previewCommits, strict mode only). */
interface CommitLog {
  call: 'Commit' | 'Terminate';
  bytes: number;
  elements: number;
  via: 'xhr' | 'beacon';
  ok: boolean;
}

/**
 * Runs in the course frame: opens each lesson in turn and does everything in it through the
 * activities' actors (the right options, the model answers), waiting for each to finish.
 */
async function doLessons(frame: Frame, lessons: readonly { id: string; questions: { id: string; selected: number[] }[]; scenarios: { id: string; model: { subject: string; body: string } }[] }[]): Promise<void> {
  for (const lesson of lessons) {
    await frame.evaluate(`document.querySelector('course-player').actor.send({ type: 'lesson.open', lessonId: ${JSON.stringify(lesson.id)} })`);
    const ids = JSON.stringify([...lesson.questions, ...lesson.scenarios].map((a) => a.id));
    await frame.waitForFunction(`(() => { const p = document.querySelector('course-player'); return p.activitiesFor === ${JSON.stringify(lesson.id)} && ${ids}.every((id) => p.questions.has(id) || p.exercises.has(id)); })()`);
    for (const q of lesson.questions) {
      await frame.evaluate(`(() => {
        const a = document.querySelector('course-player').questions.get(${JSON.stringify(q.id)});
        if (a.getSnapshot().value !== 'answering') return;
        a.send({ type: 'question.select', selected: ${JSON.stringify(q.selected)} });
        a.send({ type: 'question.submit' });
      })()`);
      await frame.waitForFunction(`document.querySelector('course-player').questions.get(${JSON.stringify(q.id)}).getSnapshot().value === 'done'`);
    }
    for (const sc of lesson.scenarios) {
      await frame.evaluate(`(() => {
        const a = document.querySelector('course-player').exercises.get(${JSON.stringify(sc.id)});
        const state = a.getSnapshot().value;
        if (state === 'passed' || state === 'exhausted') return;
        if (state === 'reading') a.send({ type: 'exercise.start', now: Date.now() });
        a.send({ type: 'draft.change', draft: ${JSON.stringify(sc.model)} });
        a.send({ type: 'exercise.submit', now: Date.now() });
      })()`);
      await frame.waitForFunction(`['passed', 'exhausted'].includes(document.querySelector('course-player').exercises.get(${JSON.stringify(sc.id)}).getSnapshot().value)`);
    }
  }
}

type Version = keyof typeof VERSIONS;


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
  let built: BuiltCourse<PreviewServer> | undefined;
  let server: PreviewServer;
  let browser: Browser;
  let course: Course;
  let strings: UiStrings;

  before(async () => {
    const hostScript = await bundleHostScript();
    built = await openBuiltCourse('preview-e2e-', (courseDir, dir) => startPreviewServer({ courseDir, dataDir: join(dir, 'data'), hostScript, port: 0, ...readCourseInfo() }));
    ({ server, browser, course, strings } = built);
  });

  after(() => closeBuiltCourse(built));

  async function storedRecord(version: Version): Promise<StoredRecord | undefined> {
    const response = await fetch(new URL(`/lms/record?v=${version}`, server.url));
    return response.status === 200 ? ((await response.json()) as StoredRecord) : undefined;
  }

  // The host page's CSP forbids eval, which playwright's string predicates use: tests only.
  const newContext = () => browser.newContext({ bypassCSP: true });

  const launchUrl = (version: Version, mode: Mode) => `${server.url}?v=${version}${mode === 'strict' ? '&strict=1' : ''}`;
  const reset = (version: Version) => fetch(new URL(`/lms/reset?v=${version}`, server.url), { method: 'POST' });

  for (const mode of MODES)
  for (const version of ['12', '2004'] as const) {
    it(`${VERSION_LABELS[version]}, ${mode}: a learner who closes the tab resumes where they were, answer intact, and what they do next goes after what they did`, { timeout: 120_000 }, async () => {
      await reset(version);
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
      await page.goto(launchUrl(version, mode));
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
      const status = await until('the status in the panel', async () => (await panelValues(page))[names.status]);
      assert.equal(status, 'incomplete');
      // The lesson's other questions: once all are settled, the lesson's checks go as one interaction.
      const others = lesson.questions.filter((q) => q.id !== question.id).map((q) => ({ id: q.id, selected: q.options.flatMap((o, i) => (o.correct ? [i] : [])) }));
      await doLessons(frame, [{ id: lesson.id, questions: others, scenarios: [] }]);
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
      await again.goto(launchUrl(version, mode));
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

      // Submit a rewrite: it is appended after the lesson's checks, which stay as they were.
      const scenario = lesson.scenarios[0];
      assert.ok(scenario, 'the first lesson has a rewrite');
      const rewriteId = `${scenario.id}_1`;
      await doLessons(frame, [{ id: lesson.id, questions: [], scenarios: [{ id: scenario.id, model: scenario.model }] }]);
      await again.close({ runBeforeUnload: true });
      const relaunched = await until('the rewrite in the stored record', async () => {
        const record = await storedRecord(version);
        return Object.values(record?.cmi.interactions ?? {}).some((i) => i.id === rewriteId) ? record : undefined;
      });
      const interactions = relaunched.cmi.interactions ?? {};
      assert.equal(interactions['0']?.id, `${scormId(lesson.id)}_checks`, 'the lesson\'s checks are still interaction 0');
      assert.equal((interactions['0'] as Record<string, string> | undefined)?.['result'], '100', 'and still hold their result: every question right');
      assert.equal(interactions['1']?.id, rewriteId, 'the rewrite went after them');
      // Latency runs from showing each question to answering it: never zero for a person.
      const latency = String((interactions['0'] as Record<string, string> | undefined)?.['latency'] ?? '');
      assert.match(latency, version === '12' ? /^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/ : /^PT(\d+M)?\d+(\.\d{1,2})?S$/, `latency ${latency}`);
      assert.match(latency, /[1-9]/, `latency ${latency} is not zero`);
      const third = await secondContext.newPage();
      third.on('pageerror', (e) => errors.push(String(e)));
      await third.goto(launchUrl(version, mode));
      frame = await courseFrame(third);
      // The lesson's activities appear after it loads: wait for the rewrite, then for its state.
      await frame.waitForFunction(`(() => { const p = document.querySelector('course-player'); const a = p && p.exercises && p.exercises.get(${JSON.stringify(scenario.id)}); return !!a && ['passed', 'exhausted'].includes(a.getSnapshot().value); })()`);

      // Reset: a new attempt. The old course's final commit must not bring the record back.
      third.once('dialog', (d) => void d.accept());
      await Promise.all([third.waitForNavigation(), third.getByRole('button', { name: 'Reset (new attempt)' }).click()]);
      await courseFrame(third);
      await until('the new attempt in the panel', async () => ((await panelSession(third, 'Entry')).startsWith('ab-initio') ? true : undefined));
      assert.equal(await panelSession(third, 'Saved record'), 'none (new attempt)');
      // The course reports entry once it has initialised: wait for that, not for time.
      await until('the course to initialise', async () => ((await panelSession(third, 'Session')) === 'initialised' ? true : undefined));
      assert.equal(await third.evaluate(apiGet(names.entry)), 'ab-initio');
      await secondContext.close();
      assert.equal(errors.join('\n'), '', 'no page errors');
    });

    for (const scope of ['three lessons', 'the whole course'] as const) {
      it(`${VERSION_LABELS[version]}, ${mode}: ${scope} then leave: everything reaches the LMS`, { timeout: 180_000 }, async () => {
        await reset(version);
        const lessons = (scope === 'three lessons' ? course.lessons.slice(0, 3) : course.lessons).map((l) => ({
          id: l.id,
          questions: l.questions.map((q) => ({ id: q.id, selected: q.options.flatMap((o, i) => (o.correct ? [i] : [])) })),
          scenarios: l.scenarios.map((sc) => ({ id: sc.id, model: sc.model })),
        }));
        const context = await newContext();
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(launchUrl(version, mode));
        const frame = await courseFrame(page);
        await frame.waitForFunction(`${LESSON_TITLE} !== ''`);
        await doLessons(frame, lessons);
        const commits = mode === 'strict' ? ((await page.evaluate('window.previewCommits.slice()')) as CommitLog[]) : [];
        await page.close({ runBeforeUnload: true });
        const names = VERSIONS[version];
        // One interaction per lesson's checks, one per rewrite.
        const expected = lessons.flatMap((l) => [...(l.questions.length > 0 ? [`${scormId(l.id)}_checks`] : []), ...l.scenarios.map((sc) => `${sc.id}_1`)]).sort();
        // Wait for this page's leaving commit: total_time counted and as many interactions as
        // expected (a page closed by the previous test may still land an empty commit first).
        const record = await until('the record with total_time and every interaction', async () => {
          const r = await storedRecord(version);
          const total = version === '12' ? r?.cmi.core?.['total_time'] : r?.cmi['total_time'];
          const count = Object.keys(r?.cmi.interactions ?? {}).length;
          return typeof total === 'string' && /[1-9]/.test(total) && count >= expected.length ? r : undefined;
        });
        await context.close();
        assert.equal(errors.join('\n'), '', 'no page errors');

        const stored = Object.values(record.cmi.interactions ?? {}).map((i) => i.id ?? '').sort();
        assert.deepEqual(stored, expected, 'every lesson\'s checks and every rewrite, once each');
        const texts = Object.values(record.cmi.interactions ?? {}).filter((i) => ((i as Record<string, string>)[names.response] ?? '') !== '').length;
        const status = version === '12' ? record.cmi.core?.['lesson_status'] : record.cmi['completion_status'];
        if (scope === 'the whole course') {
          assert.ok(version === '12' ? status === 'passed' : status === 'completed', `finished: ${String(status)}`);
        } else {
          assert.equal(status, 'incomplete');
          const location = version === '12' ? record.cmi.core?.['lesson_location'] : record.cmi['location'];
          assert.equal(location, lessons.at(-1)?.id, `${names.location} is the last lesson done`);
        }
        if (mode === 'strict') {
          // The page that sent the last two is gone: the server says what arrived.
          const arrived = (await (await fetch(new URL(`/lms/commits?v=${version}`, server.url))).json()) as { bytes: number; elements: number }[];
          assert.ok(commits.every((c) => c.ok && c.via === 'xhr'), 'every commit before leaving went through');
          assert.equal(arrived.length, commits.length + 1, 'on leaving: one commit (Terminate\'s), and it arrived');
          const leaving = arrived.slice(-1);
          const largest = Math.max(...leaving.map((c) => c.bytes));
          console.log(
            `${VERSION_LABELS[version]}, strict, ${scope}: ${arrived.length} commits in all; on leaving ${leaving.map((c) => `${(c.bytes / 1024).toFixed(1)} KB (${c.elements} elements)`).join(' + ')}; ${texts} of ${stored.length} interactions with the learner's text`,
          );
          assert.ok(arrived.length <= 30, `${arrived.length} commits`);
          // Leaving goes by beacon, which fails beyond 64 KiB in flight (then everything is lost).
          // A 2004 LMS resends all the session set: the course keeps that within 16 KB. 1.2 sends
          // what changed since the last commit (here, run at speed, nearly everything).
          const limit = version === '2004' ? 16 * 1024 : 48 * 1024;
          assert.ok(largest <= limit, `the largest commit on leaving is ${largest} bytes, over ${limit}`);
        }
      });
    }
  }
});
