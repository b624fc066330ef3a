import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createActor } from 'xstate';
import '../../src/components/course-player.ts';
import type { CoursePlayer } from '../../src/components/course-player.ts';
import { outlineOf } from '../../src/content/outline.ts';
import { emptyProgress } from '../../src/content/progress.ts';
import type { Course, Lesson } from '../../src/content/schema.ts';
import type { UiStrings } from '../../src/content/strings/index.ts';
import { loadUiStrings } from '../../src/content/ui.ts';
import { courseMachine } from '../../src/flows/course.ts';
import { makeCourse } from '../flows/fixtures.ts';

/** The real wording, read from lessons/ui/ through the test server and validated as in a build. */
async function realStrings(): Promise<UiStrings> {
  const groups = ['player', 'lesson', 'question', 'exercise', 'results', 'analysis'];
  const files = await Promise.all(
    groups.map(async (g) => ({ path: `lessons/ui/${g}.yaml`, text: await (await fetch(`/lessons/ui/${g}.yaml`)).text() })),
  );
  const loaded = loadUiStrings(files);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  return loaded.strings;
}

function deepText(el: Element, selector: string): string {
  return el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function player(course: Course, loadLesson?: (id: string) => Promise<Lesson>): Promise<CoursePlayer> {
  window.location.hash = '';
  const actor = createActor(courseMachine, { input: { course: outlineOf(course), progress: emptyProgress(outlineOf(course), Date.now()) } });
  actor.start();
  const strings = await realStrings();
  const load = loadLesson ?? (async (id: string) => course.lessons.find((l) => l.id === id) as Lesson);
  const el = await fixture<CoursePlayer>(html`<course-player .actor=${actor} .strings=${strings} .loadLesson=${load}></course-player>`);
  return el;
}

async function lessonTitle(el: CoursePlayer): Promise<string> {
  let title = '';
  await waitUntil(() => {
    const view = el.shadowRoot?.querySelector('lesson-view');
    title = view?.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '';
    return title !== '';
  }, 'the lesson heading renders');
  return title;
}

describe('course-player', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('is accessible, with an outline of every lesson and the first lesson open', async () => {
    const course = makeCourse();
    const el = await player(course);
    expect(await lessonTitle(el)).to.equal(course.lessons[0]?.title);
    await waitUntil(() => el.shadowRoot?.querySelectorAll('rewrite-exercise').length === 1, 'the rewrite loads');
    await expect(el).to.be.accessible();
    const items = el.shadowRoot?.querySelectorAll('nav li.item') ?? [];
    expect(items.length).to.equal(3);
    expect(el.shadowRoot?.querySelector('nav a[aria-current="page"]')?.textContent).to.contain(course.lessons[0]?.title);
  });

  it('keeps the final assessment locked until the other lessons are done, and says why', async () => {
    const el = await player(makeCourse());
    await lessonTitle(el);
    const finalLink = [...(el.shadowRoot?.querySelectorAll('nav a') ?? [])].find((a) => a.textContent?.includes('Lesson final'));
    expect(finalLink?.getAttribute('aria-disabled')).to.equal('true');
    (finalLink as HTMLAnchorElement).click();
    await waitUntil(() => deepText(el, '[role="status"][aria-live="polite"]').includes('final assessment opens'), 'the refusal is announced');
    expect(await lessonTitle(el)).to.equal('Lesson diag');
  });

  it('moves to the next lesson by keyboard and puts focus on its heading', async () => {
    const el = await player(makeCourse());
    await lessonTitle(el);
    const next = [...(el.shadowRoot?.querySelectorAll('.pager button') ?? [])].find((b) => b.textContent?.trim() === 'Next') as HTMLButtonElement;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await lessonTitle(el)) === 'Lesson unit_one', 'the next lesson opens');
    expect(window.location.hash).to.equal('#/lesson/unit_one');
    await waitUntil(() => {
      const view = el.shadowRoot?.querySelector('lesson-view');
      return view?.shadowRoot?.activeElement?.tagName === 'H1';
    }, 'focus moves to the lesson heading');
  });

  it('shows notices and lets the learner dismiss them', async () => {
    const el = await player(makeCourse());
    el.notices = ['storage-unavailable'];
    await el.updateComplete;
    expect(deepText(el, '.notice')).to.contain('private browsing');
    (el.shadowRoot?.querySelector('.notice button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('.notice')).to.equal(null);
  });

  it('says so calmly when a lesson cannot be loaded, instead of a blank page', async () => {
    const el = await player(makeCourse(), () => Promise.reject(new Error('offline')));
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]') !== null, 'an error message shows');
    expect(deepText(el, '[role="alert"]')).to.contain("couldn't be loaded");
  });
});
