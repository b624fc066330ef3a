import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { REFLECTION_MAX_LENGTH, ReflectionSaveEvent, type ReflectionBox } from '../../src/components/reflection-box.ts';
import '../../src/components/reflection-box.ts';
import { lessonStrings } from './lesson-fixture.ts';

const prompt = 'Name one colleague whose help you need.\nWhen could you talk?\n\nThen choose one habit.';
const guidance = 'Be specific: a name, a time and a place.';

async function box(text = ''): Promise<ReflectionBox> {
  return fixture<ReflectionBox>(
    html`<reflection-box .prompt=${prompt} .guidance=${guidance} .text=${text} .strings=${lessonStrings}></reflection-box>`,
  );
}

function parts(el: ReflectionBox) {
  const root = el.shadowRoot!;
  return {
    heading: root.querySelector<HTMLElement>('[role="heading"]')!,
    textarea: root.querySelector('textarea')!,
    button: root.querySelector('button')!,
    status: root.querySelector<HTMLElement>('[role="status"]')!,
  };
}

const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('<reflection-box>', () => {
  it('is accessible, with a labelled textarea that says where the notes go', async () => {
    const el = await box();
    await expect(el).to.be.accessible();
    const { heading, textarea, button, status } = parts(el);
    expect(heading.textContent).to.equal('Reflect');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(textarea.labels![0]!.textContent).to.equal('Your notes');
    expect(textarea.maxLength).to.equal(REFLECTION_MAX_LENGTH);
    expect(REFLECTION_MAX_LENGTH).to.equal(4000);
    const hint = el.shadowRoot!.getElementById(textarea.getAttribute('aria-describedby')!)!;
    expect(flat(hint.textContent)).to.equal(
      'Your notes are kept privately in your course record, for you to look back on. They are not scored. Up to 4,000 characters.',
    );
    expect(button.textContent).to.equal('Save my notes');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent).to.equal('');
  });

  it('shows the prompt and guidance as paragraphs', async () => {
    const el = await box();
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.prompt p')].map((p) => p.textContent)).to.deep.equal([
      'Name one colleague whose help you need. When could you talk?',
      'Then choose one habit.',
    ]);
    expect(root.querySelector('.guidance')!.textContent).to.contain('Be specific');
  });

  it('shows saved notes and fires reflection-save with the text, then confirms politely', async () => {
    const el = await box('Coffee with Sam on Tuesday.');
    const { textarea, button } = parts(el);
    expect(textarea.value).to.equal('Coffee with Sam on Tuesday.');
    setTimeout(() => button.click());
    const event = await oneEvent<ReflectionSaveEvent>(el, ReflectionSaveEvent.eventName);
    expect(event).to.be.instanceOf(ReflectionSaveEvent);
    expect(event.text).to.equal('Coffee with Sam on Tuesday.');
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(parts(el).status.textContent).to.equal(lessonStrings.notesSaved);
  });

  it('can be written and saved with the keyboard, and editing clears the confirmation', async () => {
    const el = await box();
    const saves: ReflectionSaveEvent[] = [];
    el.addEventListener('reflection-save', (e) => saves.push(e));
    parts(el).textarea.focus();
    await sendKeys({ type: 'Ask Sam 🙂' });
    expect(el.text).to.equal('Ask Sam 🙂');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(parts(el).button);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(saves.map((e) => e.text)).to.deep.equal(['Ask Sam 🙂']);
    expect(parts(el).status.textContent).to.equal(lessonStrings.notesSaved);

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement).to.equal(parts(el).textarea);
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '!' });
    await el.updateComplete;
    expect(parts(el).status.textContent).to.equal('');
    expect(el.text).to.equal('Ask Sam 🙂!');
  });

  it('announces the confirmation again when saved twice', async () => {
    const el = await box('Notes');
    parts(el).button.click();
    await el.updateComplete;
    const status = parts(el).status;
    const changes: string[] = [];
    const observer = new MutationObserver(() => changes.push(status.textContent ?? ''));
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    parts(el).button.click();
    await el.updateComplete;
    await el.updateComplete;
    observer.disconnect();
    expect(changes).to.include('');
    expect(status.textContent).to.equal(lessonStrings.notesSaved);
  });

  it('fires no event when its text is set in code', async () => {
    const el = await box();
    const saves: Event[] = [];
    el.addEventListener('reflection-save', (e) => saves.push(e));
    el.text = 'Set by the course';
    await el.updateComplete;
    expect(parts(el).textarea.value).to.equal('Set by the course');
    expect(saves).to.have.length(0);
  });

  it('saves empty notes, and cuts over-long notes set in code without splitting an emoji', async () => {
    const empty = await box();
    setTimeout(() => parts(empty).button.click());
    expect((await oneEvent<ReflectionSaveEvent>(empty, 'reflection-save')).text).to.equal('');

    const long = `${'a'.repeat(REFLECTION_MAX_LENGTH - 1)}🙂 and more`;
    const el = await box(long);
    setTimeout(() => parts(el).button.click());
    const saved = (await oneEvent<ReflectionSaveEvent>(el, 'reflection-save')).text;
    expect(saved).to.equal('a'.repeat(REFLECTION_MAX_LENGTH - 1));
  });

  it('shows HTML and right-to-left text as text, and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<ReflectionBox>(
        html`<reflection-box
          .prompt=${'<img src=x onerror=alert(1)> שלום'}
          .guidance=${'x'.repeat(1000)}
          .text=${'<script>alert(1)</script> مرحبا'}
          .strings=${lessonStrings}
        ></reflection-box>`,
      );
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      expect(root.querySelector('img, script')).to.equal(null);
      expect(root.querySelector('.prompt')!.textContent).to.contain('<img src=x onerror=alert(1)> שלום');
      expect(parts(el).textarea.value).to.equal('<script>alert(1)</script> مرحبا');
      expect(parts(el).textarea.getAttribute('dir')).to.equal('auto');
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
