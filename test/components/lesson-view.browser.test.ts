import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Lesson } from '../../src/content/schema.ts';
import type { LessonView } from '../../src/components/lesson-view.ts';
import '../../src/components/lesson-view.ts';
import '../../src/components/worked-example.ts';
import { lessonStrings, makeLesson } from './lesson-fixture.ts';

async function view(lesson: Lesson = makeLesson()): Promise<LessonView> {
  const wrapper = await fixture<HTMLElement>(
    html`<main>
      <button id="before">Before</button>
      <lesson-view .lesson=${lesson} .strings=${lessonStrings}>
        <button id="activity">First activity</button>
      </lesson-view>
    </main>`,
  );
  const el = wrapper.querySelector('lesson-view')!;
  await el.updateComplete;
  return el;
}

const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('<lesson-view>', () => {
  it('is accessible', async () => {
    const el = await view();
    await expect(el).to.be.accessible();
  });

  it('titles the lesson with the only h1 and says how long it takes', async () => {
    const el = await view();
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('h1')).to.have.length(1);
    expect(root.querySelector('h1')!.textContent).to.equal('Subject lines that get opened');
    expect(root.querySelector('h1')!.getAttribute('tabindex')).to.equal('-1');
    expect(flat(root.querySelector('.minutes')!.textContent)).to.equal('About 4 minutes');

    el.lesson = makeLesson({ minutes: 1 });
    await el.updateComplete;
    expect(flat(root.querySelector('.minutes')!.textContent)).to.equal('About 1 minute');
  });

  it('lists the objectives under a heading', async () => {
    const el = await view();
    const section = el.shadowRoot!.querySelector('.objectives')!;
    expect(section.querySelector('h2')!.textContent).to.equal("What you'll learn");
    expect(section.querySelector('p')!.textContent).to.equal('By the end of this lesson you can:');
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      'Write a subject that names the specific topic.',
      'Replace vague subjects with about ten words.',
    ]);
  });

  it('renders the reading from Markdown', async () => {
    const el = await view();
    const prose = el.shadowRoot!.querySelector('.reading .prose')!;
    const paragraphs = [...prose.querySelectorAll(':scope > p')].map((p) => flat(p.textContent));
    expect(paragraphs[0]).to.equal(
      'The subject line is the one part of your email everyone reads. In a crowded inbox it decides whether your message is opened.',
    );
    const items = [...prose.querySelectorAll('ul > li')];
    expect(items).to.have.length(2);
    expect(items[0]!.querySelector('strong')!.textContent).to.equal('It names the topic, specifically.');
    expect(flat(items[0]!.textContent)).to.equal('It names the topic, specifically. "Wakefield loading bay" beats "Warehouse".');
    expect(prose.querySelector('em')!.textContent).to.equal('Write the subject last.');
  });

  it('shows the worked example, then the activities in its slot, with headings in order', async () => {
    const el = await view();
    const root = el.shadowRoot!;
    const example = root.querySelector('worked-example')!;
    expect(example.example).to.equal(makeLesson().example);
    expect(example.strings).to.equal(lessonStrings);
    expect(example.headingLevel).to.equal(2);

    const slot = root.querySelector('slot')!;
    expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['activity']);
    // The slot comes after the example in the page.
    expect(example.compareDocumentPosition(slot) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);

    const levels = [...root.querySelectorAll('h1, h2')].map((h) => h.tagName);
    expect(levels).to.deep.equal(['H1', 'H2', 'H2']);
  });

  it('leaves out the example and empty sections when a lesson has none', async () => {
    const { example: _example, ...withoutExample } = makeLesson({ role: 'assessment', reading: '   ' });
    const el = await view(withoutExample);
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    expect(root.querySelector('worked-example')).to.equal(null);
    expect(root.querySelector('.reading')).to.equal(null);
    expect(root.querySelector('slot')).to.not.equal(null);
  });

  it('focusHeading() moves focus to the title, which stays out of the tab order', async () => {
    const el = await view();
    el.focusHeading();
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('h1'));

    // Keyboard: from the button before the lesson, Tab skips the title and reaches the activity.
    document.getElementById('before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.id).to.equal('activity');
  });

  it('focusHeading() waits for the first render when called straight away', async () => {
    const el = document.createElement('lesson-view');
    el.lesson = makeLesson();
    el.strings = lessonStrings;
    document.body.append(el);
    try {
      el.focusHeading();
      await el.updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.tagName).to.equal('H1');
    } finally {
      el.remove();
    }
  });

  it('shows HTML, emoji and right-to-left text in the lesson as text', async () => {
    const el = await view(
      makeLesson({
        title: '<img src=x onerror=alert(1)> Subject lines 🎉',
        objectives: [{ text: '<script>alert(1)</script> שלום' }],
        reading: '<b>Not bold</b> and **bold** مرحبا',
      }),
    );
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, b')).to.equal(null);
    expect(root.querySelector('h1')!.textContent).to.equal('<img src=x onerror=alert(1)> Subject lines 🎉');
    expect(root.querySelector('.objectives li')!.textContent).to.equal('<script>alert(1)</script> שלום');
  });

  it('fits 320 px without sideways scrolling, even with a very long title', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await view(makeLesson({ title: `Subject${'lines'.repeat(100)}` }));
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
