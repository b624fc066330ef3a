/**
 * The built course as a cmi5 AU in Chromium, against the local LMS + LRS (which refuses any
 * statement that breaks xAPI or cmi5 section 9). One browser, two scenario groups:
 * - a learner's course: launch → the first lesson → leave → relaunch in a fresh browser (only the
 *   State API can resume them) → the whole course → leave; every statement valid;
 * - failures: offline, 5xx, the fetch URL used twice (a reload), an expired token; nothing lost.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumMissing } from '../../../src/node/chromium-launch.ts';
import { readCourseInfo } from '../../../src/build/course-info.ts';
import type { Course, Lesson, Question } from '../../../src/content/schema.ts';
import type { UiStrings } from '../../../src/content/strings/index.ts';
import { bundleCmi5HostScript, startPreviewServer, type PreviewServer } from '../../../scorm/preview/routes.ts';
import type { TestLrs } from '../../../scorm/preview/cmi5/lrs.ts';
import { CMI5, VERBS, verbName, type Statement } from '../../../src/lms/cmi5/statement-types.ts';
import { until } from './until.ts';
import { AXE_SOURCE, type BuiltCourse, closeBuiltCourse, openBuiltCourse } from '../../e2e/built-course.ts';

const LESSON_TITLE = `(() => {
  const p = document.querySelector('course-player');
  const v = p && p.shadowRoot && p.shadowRoot.querySelector('lesson-view');
  const h = v && v.shadowRoot && v.shadowRoot.querySelector('h1');
  return h ? h.textContent.trim() : '';
})()`;


const NOTICES = `(() => { const p = document.querySelector('course-player'); return p ? [...p.notices] : []; })()`;

function questionPhase(id: string): string {
  return `(() => {
    const p = document.querySelector('course-player');
    const q = p && [...p.shadowRoot.querySelectorAll('knowledge-check')].find((e) => e.question && e.question.id === ${JSON.stringify(id)});
    return q ? q.phase + ':' + q.correct : '';
  })()`;
}

function exercisePhase(id: string): string {
  return `(() => {
    const p = document.querySelector('course-player');
    const ex = p && [...p.shadowRoot.querySelectorAll('rewrite-exercise')].find((e) => e.scenario && e.scenario.id === ${JSON.stringify(id)});
    return ex ? ex.phase : '';
  })()`;
}


/**
 * Waits until `expression` is true in the page, trying again at each animation frame.
 * page.waitForFunction evals its predicate inside the page, which the course's CSP (no
 * 'unsafe-eval') refuses when the AU is launched in its own window; page.evaluate goes through
 * the DevTools protocol, which the page's CSP doesn't govern.
 */
async function waitForTrue(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await page.evaluate(() => new Promise<void>((resolveFrame) => requestAnimationFrame(() => resolveFrame())));
  }
}

describe('the built course as a cmi5 AU', { skip: chromiumMissing() }, () => {
  let built: BuiltCourse<PreviewServer> | undefined;
  let server: PreviewServer;
  let lrs: TestLrs;
  let browser: Browser;
  let course: Course;
  let strings: UiStrings;

  before(async () => {
    const hostScript = await bundleCmi5HostScript();
    built = await openBuiltCourse('cmi5-e2e-', (courseDir, dir, loaded) => startPreviewServer({ courseDir, dataDir: join(dir, 'data'), hostScript, port: 0, ...readCourseInfo(), cmi5: { courseId: loaded.id } }));
    ({ server, browser, course, strings } = built);
    assert.ok(server.cmi5);
    lrs = server.cmi5.lrs;
  });

  after(() => closeBuiltCourse(built));

  const ofSession = (sessionId: string) => lrs.statements.filter((s) => s.context.extensions?.[CMI5.sessionId] === sessionId && s.verb.id !== VERBS.launched);
  const verbsOf = (sessionId: string) => ofSession(sessionId).map((s) => verbName(s.verb.id));
  const answeredIn = (sessionId: string, objectEnd: string) => ofSession(sessionId).find((s) => s.verb.id === VERBS.answered && s.object.id.endsWith(objectEnd));

  /** The LMS launches the AU in the page, as an OwnWindow launch would. */
  async function launch(context: BrowserContext, newRegistration = false): Promise<{ page: Page; sessionId: string; errors: string[] }> {
    const session = lrs.launch({ auUrl: `${server.url}course/index.html`, newRegistration, returnUrl: `${server.url}cmi5/returned` });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(session.launchUrl);
    return { page, sessionId: session.sessionId, errors };
  }

  async function answer(page: Page, question: Question): Promise<void> {
    const check = page.locator('knowledge-check').filter({ hasText: question.prompt });
    for (const option of question.options.filter((o) => o.correct)) await check.getByLabel(option.text, { exact: true }).check();
    await check.getByRole('button', { name: strings.question.submit }).click();
    await waitForTrue(page, `${questionPhase(question.id)} === 'done:true'`);
  }

  async function doLesson(page: Page, lesson: Lesson): Promise<void> {
    await waitForTrue(page, `${LESSON_TITLE} === ${JSON.stringify(lesson.title)}`);
    for (const question of lesson.questions) {
      if ((await page.evaluate(questionPhase(question.id))) !== 'done:true') await answer(page, question);
    }
    for (const [i, scenario] of lesson.scenarios.entries()) {
      const exercise = page.locator('rewrite-exercise').nth(i);
      if ((await page.evaluate(exercisePhase(scenario.id))) === 'reading') await exercise.getByRole('button', { name: strings.exercise.start }).click();
      await exercise.locator('email-editor #subject').fill(scenario.model.subject);
      await exercise.locator('email-editor textarea').fill(scenario.model.body);
      await exercise.getByRole('button', { name: strings.exercise.submit }).click();
      await waitForTrue(page, `${exercisePhase(scenario.id)} === 'passed'`);
    }
  }

  it('takes a learner through the course: a lesson, leave, resume elsewhere, the whole course; every statement valid', { timeout: 300_000 }, async () => {
    const first = course.lessons[0];
    const question = first?.questions[0];
    assert.ok(first && question);

    const context1 = await browser.newContext();
    const one = await launch(context1, true);
    await waitForTrue(one.page, `${LESSON_TITLE} === ${JSON.stringify(first.title)}`);
    await answer(one.page, question);
    await until('the answer in the LRS', () => answeredIn(one.sessionId, `/questions/${question.id}`));
    await one.page.close({ runBeforeUnload: true });
    await until('terminated at leaving', () => verbsOf(one.sessionId).includes('terminated'));
    await context1.close();
    assert.deepEqual(one.errors, []);

    // Another browser: nothing mirrored, so only the State API can bring the learner back.
    const context2 = await browser.newContext();
    const two = await launch(context2);
    await waitForTrue(two.page, `${LESSON_TITLE} === ${JSON.stringify(first.title)}`);
    await waitForTrue(two.page, `${questionPhase(question.id)} === 'done:true'`);
    for (const [index, lesson] of course.lessons.entries()) {
      await doLesson(two.page, lesson);
      if (index < course.lessons.length - 1) await two.page.locator('course-player').getByRole('button', { name: strings.player.next, exact: true }).click();
    }
    await until('passed in the LRS', () => verbsOf(two.sessionId).includes('passed'));
    // Leaving through the course: terminated, then back to the LMS's returnURL.
    await Promise.all([two.page.waitForURL(`${server.url}cmi5/returned`), two.page.getByRole('button', { name: strings.player.exitToLms }).click()]);
    await until('terminated', () => verbsOf(two.sessionId).includes('terminated'));
    await two.page.close();
    await context2.close();
    assert.deepEqual(two.errors, []);
    assert.deepEqual(lrs.refusals, [], 'the LRS refused nothing');

    for (const sessionId of [one.sessionId, two.sessionId]) {
      const verbs = verbsOf(sessionId);
      assert.equal(verbs[0], 'initialized');
      assert.equal(verbs[verbs.length - 1], 'terminated');
    }
    const registration = lrs.statements.filter((s) => s.context.registration === lrs.currentRegistration && s.verb.id !== VERBS.launched);
    const counts: Record<string, number> = {};
    for (const s of registration) counts[verbName(s.verb.id)] = (counts[verbName(s.verb.id)] ?? 0) + 1;
    const questions = course.lessons.reduce((n, l) => n + l.questions.length, 0);
    const rewrites = course.lessons.reduce((n, l) => n + l.scenarios.length, 0);
    assert.equal(counts['answered'], questions + rewrites, 'one answered per knowledge check and per rewrite attempt');
    assert.equal(counts['completed'], 1);
    assert.equal(counts['passed'], 1);
    assert.equal(counts['failed'], undefined);
    // Progress goes with the (debounced) saves: at least once, always forward, never 100 (that is completed).
    const shares = registration.filter((s) => s.verb.id === VERBS.progressed).map((s) => s.result?.extensions?.[CMI5.progress] as number);
    assert.ok(shares.length >= 1, 'progressed as lessons were done');
    assert.deepEqual(shares, [...shares].sort((x, y) => x - y));
    assert.ok(shares.every((p) => p < 100));
    const rewrite = registration.find((s) => s.object.definition?.['interactionType'] === 'long-fill-in') as Statement;
    assert.ok(rewrite.result?.response?.includes('\n'), "the learner's email, whole");
    console.log(`statements for one whole course (2 sessions): ${JSON.stringify(counts)}; ${registration.length} in all`);
  });

  it('loses nothing through offline, 5xx, a reload (fetch URL used twice) and an expired token', { timeout: 120_000 }, async () => {
    const lesson = course.lessons.find((l) => l.role !== 'assessment' && l.questions.length >= 4);
    assert.ok(lesson, 'a lesson with four questions to answer');
    const [q1, q2, q3, q4] = lesson.questions as [Question, Question, Question, Question];
    // The preview page's CSP forbids eval, which playwright's string predicates use: tests only.
    const context = await browser.newContext({ bypassCSP: true });
    const open = async (newRegistration = false) => {
      const launched = await launch(context, newRegistration);
      await launched.page.locator('course-player').getByRole('link', { name: lesson.title }).first().click();
      await waitForTrue(launched.page, `${LESSON_TITLE} === ${JSON.stringify(lesson.title)}`);
      await until('initialized', () => verbsOf(launched.sessionId).includes('initialized'));
      return launched;
    };

    // Offline: the answer waits in the browser, and goes when the network is back.
    const a = await open(true);
    await context.setOffline(true);
    await answer(a.page, q1);
    await context.setOffline(false);
    await until('the offline answer', () => answeredIn(a.sessionId, `/questions/${q1.id}`));

    // The LRS fails twice with 503: retried with back-off.
    lrs.failStatements(2, 503);
    await answer(a.page, q2);
    await until('the answer after two 503s', () => answeredIn(a.sessionId, `/questions/${q2.id}`));

    // A reload: the same launch URL, whose fetch URL is spent. The learner is told; the answer is kept.
    await a.page.reload();
    await waitForTrue(a.page, `${LESSON_TITLE} === ${JSON.stringify(lesson.title)}`);
    await waitForTrue(a.page, `${NOTICES}.includes('lms-unavailable')`);
    await answer(a.page, q3);
    await a.page.close({ runBeforeUnload: true });
    const b = await open();
    await until('the answer from the reloaded page, in the next session', () => answeredIn(b.sessionId, `/questions/${q3.id}`));

    // The token expires mid-session: the learner is told, and the next launch delivers.
    lrs.expireTokens();
    await answer(b.page, q4);
    await waitForTrue(b.page, `${NOTICES}.includes('save-failed')`);
    await b.page.close({ runBeforeUnload: true });
    const c = await open();
    await until('the answer made with an expired token, in the next session', () => answeredIn(c.sessionId, `/questions/${q4.id}`));
    await c.page.close({ runBeforeUnload: true });
    await until('terminated', () => verbsOf(c.sessionId).includes('terminated'));
    assert.deepEqual(lrs.refusals, [], 'the LRS refused nothing');
    for (const q of [q1, q2, q3, q4]) {
      const all = lrs.statements.filter((s) => s.context.registration === lrs.currentRegistration && s.object.id.endsWith(`/questions/${q.id}`));
      assert.equal(all.length, 1, `${q.id} reached the LRS exactly once`);
    }

    // The preview page launches the AU in its frame and lists the statements.
    const page = await context.newPage();
    await page.goto(server.url);
    await page.frameLocator('#course-frame').locator('course-player').waitFor();
    await waitForTrue(page, `[...document.querySelectorAll('#statements-body td')].some((td) => td.textContent === 'initialized')`);
    assert.equal(await page.locator('#refused-summary').textContent(), 'None so far.');
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(
      `axe.run(document, { iframes: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
    );
    assert.deepEqual(violations, [], 'axe finds nothing on the cmi5 preview page');
    await context.close();
  });
});
