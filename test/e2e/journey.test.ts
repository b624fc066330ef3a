/**
 * The built course end to end in Chromium, with the keyboard alone: diagnostic → units → final
 * assessment → results, answering every question and rewriting every email (the model
 * answers); and a reload mid-course that resumes where the learner was, drafts and scores
 * intact. Focus moves only by Tab; choices and buttons only by Space, arrows and Enter; text
 * arrives as typed input into the focused field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing } from '../../src/node/chromium-launch.ts';
import { serveStatic, type StaticServer } from '../../src/build/course-build.ts';
import type { Course, Question, Scenario } from '../../src/content/schema.ts';
import type { UiStrings } from '../../src/content/strings/index.ts';
import { AXE_SOURCE, type BuiltCourse, closeBuiltCourse, openBuiltCourse } from './built-course.ts';

const MAX_TABS = 400;

/** Runs in the page: what has focus, through every shadow root, and which activity it is in. */
const DESCRIBE_FOCUS = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return null;
  let activity = '';
  let node = el;
  while (node) {
    if (!activity && node.question && node.question.id) activity = node.question.id;
    if (!activity && node.scenario && node.scenario.id) activity = node.scenario.id;
    const root = node.getRootNode();
    node = node.parentElement || (root && root.host) || null;
  }
  const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
  return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type') || '', id: el.id || '', text, value: 'value' in el ? String(el.value) : '', checked: !!el.checked, activity };
})()`;

interface Focused {
  tag: string;
  type: string;
  id: string;
  text: string;
  value: string;
  checked: boolean;
  activity: string;
}

const LESSON_TITLE = `(() => {
  const p = document.querySelector('course-player');
  const v = p && p.shadowRoot && p.shadowRoot.querySelector('lesson-view');
  const h = v && v.shadowRoot && v.shadowRoot.querySelector('h1');
  return h ? h.textContent.trim() : '';
})()`;

const ACTIVITY_COUNT = `(() => {
  const p = document.querySelector('course-player');
  const r = p && p.shadowRoot;
  return r ? r.querySelectorAll('knowledge-check, rewrite-exercise').length : 0;
})()`;

function exercisePhase(id: string): string {
  return `(() => {
    const p = document.querySelector('course-player');
    const ex = [...p.shadowRoot.querySelectorAll('rewrite-exercise')].find((e) => e.scenario && e.scenario.id === ${JSON.stringify(id)});
    return ex ? ex.phase : '';
  })()`;
}

function questionPhase(id: string): string {
  return `(() => {
    const p = document.querySelector('course-player');
    const q = [...p.shadowRoot.querySelectorAll('knowledge-check')].find((e) => e.question && e.question.id === ${JSON.stringify(id)});
    return q ? q.phase + ':' + q.correct : '';
  })()`;
}

async function focused(page: Page): Promise<Focused | null> {
  return (await page.evaluate(DESCRIBE_FOCUS)) as Focused | null;
}

/** Presses Tab until the focused element matches, or fails saying what it was looking for. */
async function tabTo(page: Page, what: string, match: (f: Focused) => boolean): Promise<Focused> {
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function answer(page: Page, question: Question, strings: UiStrings): Promise<void> {
  const inQuestion = (f: Focused) => f.activity === question.id;
  const first = await tabTo(page, `the first option of ${question.id}`, (f) => inQuestion(f) && f.tag === 'input');
  if (question.type === 'multiple') {
    let f = first;
    for (let i = 0; i < question.options.length; i += 1) {
      if (i > 0) f = await tabTo(page, `option ${i} of ${question.id}`, (x) => inQuestion(x) && x.tag === 'input');
      if (question.options[i]?.correct && !f.checked) await page.keyboard.press('Space');
    }
  } else {
    const correct = question.options.findIndex((o) => o.correct);
    // Arrow keys move through a radio group and select; Space selects the first one.
    if (correct === 0) await page.keyboard.press('Space');
    for (let i = 0; i < correct; i += 1) await page.keyboard.press('ArrowDown');
  }
  await tabTo(page, `Submit on ${question.id}`, (f) => inQuestion(f) && f.tag === 'button' && f.text === strings.question.submit);
  await page.keyboard.press('Enter');
  await page.waitForFunction(`${questionPhase(question.id)} === 'done:true'`);
}

async function typeInto(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function rewrite(page: Page, scenario: Scenario, strings: UiStrings, stopAfterTyping = false): Promise<void> {
  const inExercise = (f: Focused) => f.activity === scenario.id;
  const phase = (await page.evaluate(exercisePhase(scenario.id))) as string;
  if (phase === 'reading') {
    await tabTo(page, `Start on ${scenario.id}`, (f) => inExercise(f) && f.text === strings.exercise.start);
    await page.keyboard.press('Enter');
    await page.waitForFunction(`${exercisePhase(scenario.id)} === 'drafting'`);
  }
  await tabTo(page, `the subject field of ${scenario.id}`, (f) => inExercise(f) && f.tag === 'input' && f.id === 'subject');
  await typeInto(page, scenario.model.subject);
  await tabTo(page, `the body field of ${scenario.id}`, (f) => inExercise(f) && f.tag === 'textarea');
  await typeInto(page, scenario.model.body);
  if (stopAfterTyping) return;
  await tabTo(page, `Submit on ${scenario.id}`, (f) => inExercise(f) && f.tag === 'button' && f.text === strings.exercise.submit);
  await page.keyboard.press('Enter');
  await page.waitForFunction(`${exercisePhase(scenario.id)} === 'passed'`);
}


/** axe-core over the whole page (it walks shadow roots): WCAG 2.1 A and AA rules. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
  return result;
}

/** True when nothing overflows sideways at the current width. */
const NO_SIDEWAYS_SCROLL = 'document.documentElement.scrollWidth <= window.innerWidth + 1';

async function openLesson(page: Page, title: string): Promise<void> {
  await page.waitForFunction(`${LESSON_TITLE} === ${JSON.stringify(title)}`);
}

describe('the built course, by keyboard alone', { skip: chromiumMissing() }, () => {
  let built: BuiltCourse<StaticServer> | undefined;
  let server: StaticServer;
  let browser: Browser;
  let course: Course;
  let strings: UiStrings;

  before(async () => {
    built = await openBuiltCourse('course-e2e-', (webDir) => serveStatic(webDir));
    ({ server, browser, course, strings } = built);
  });

  after(() => closeBuiltCourse(built));

  it('goes from the diagnostic to the results, and resumes after a reload mid-course', { timeout: 600_000 }, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    const resumeAt = 4;

    for (const [index, lesson] of course.lessons.entries()) {
      await openLesson(page, lesson.title);
      await page.waitForFunction(`${ACTIVITY_COUNT} === ${lesson.questions.length + lesson.scenarios.length}`);
      if (index === 0) assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on a lesson page');
      for (const question of lesson.questions) await answer(page, question, strings);
      for (const [i, scenario] of lesson.scenarios.entries()) {
        if (index === resumeAt && i === 0) {
          // Type a draft, let it save, reload: the learner is back here with the draft intact.
          await rewrite(page, scenario, strings, true);
          await page.waitForTimeout(1500);
          await page.reload();
          await openLesson(page, lesson.title);
          await page.waitForFunction(`${exercisePhase(scenario.id)} === 'drafting'`);
          const draft = (await page.evaluate(`(() => {
            const p = document.querySelector('course-player');
            const ex = [...p.shadowRoot.querySelectorAll('rewrite-exercise')].find((e) => e.scenario.id === ${JSON.stringify(scenario.id)});
            return ex.draft;
          })()`)) as { subject: string; body: string };
          assert.deepEqual(draft, scenario.model, 'the draft survives the reload');
          for (const q of lesson.questions) assert.equal(await page.evaluate(questionPhase(q.id)), 'done:true', 'answers survive the reload');
          const status = (await page.evaluate(`(() => {
            const p = document.querySelector('course-player');
            return [...p.shadowRoot.querySelectorAll('nav li.completed')].length;
          })()`)) as number;
          assert.equal(status, resumeAt, 'earlier lessons stay completed');
        }
        await rewrite(page, scenario, strings);
      }
      if (index < course.lessons.length - 1) {
        await tabTo(page, 'Next', (f) => f.tag === 'button' && f.text === strings.player.next);
        await page.keyboard.press('Enter');
      }
    }

    await tabTo(page, 'the results link', (f) => f.tag === 'a' && f.text === strings.results.heading);
    await page.keyboard.press('Enter');
    const verdict = await page.waitForFunction(`(() => {
      const p = document.querySelector('course-player');
      const r = p && p.shadowRoot.querySelector('course-results');
      return r && r.verdict;
    })()`);
    assert.equal(await verdict.jsonValue(), 'passed');
    assert.deepEqual(await axeViolations(page), [], 'axe finds nothing on the results page');
    assert.deepEqual(errors, []);
  });

  it('fits a 320 px screen and 200% zoom without sideways scrolling, and passes axe there', async () => {
    // A 1280 px window at 200% zoom lays out as 640 CSS px; a phone as 320.
    for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(server.url);
      const first = course.lessons[0];
      assert.ok(first);
      await openLesson(page, first.title);
      await page.waitForFunction(`${ACTIVITY_COUNT} > 0`);
      assert.equal(await page.evaluate(NO_SIDEWAYS_SCROLL), true, `no sideways scrolling at ${viewport.width} px`);
      assert.deepEqual(await axeViolations(page), [], `axe at ${viewport.width} px`);
      await page.goto(`${server.url}#/practice`);
      await page.waitForFunction(`(() => { const p = document.querySelector('course-player'); const pr = p && p.shadowRoot.querySelector('practice-page'); return !!(pr && pr.shadowRoot && pr.shadowRoot.querySelector('h1')); })()`);
      assert.equal(await page.evaluate(NO_SIDEWAYS_SCROLL), true, `practice page: no sideways scrolling at ${viewport.width} px`);
      await context.close();
    }
  });
});
