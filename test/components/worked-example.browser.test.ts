import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { scoreWorkedExample } from '../../src/content/rubric.ts';
import type { Example } from '../../src/content/schema.ts';
import type { WorkedExample } from '../../src/components/worked-example.ts';
import '../../src/components/worked-example.ts';
import { lessonStrings, sampleExample } from './lesson-fixture.ts';

async function example(value: Example = sampleExample, width = '900px'): Promise<WorkedExample> {
  const wrapper = await fixture<HTMLElement>(
    html`<div style=${`inline-size: ${width}`}>
      <worked-example .example=${value} .strings=${lessonStrings}></worked-example>
    </div>`,
  );
  const el = wrapper.querySelector('worked-example')!;
  await el.updateComplete;
  return el;
}

function parts(el: WorkedExample) {
  const root = el.shadowRoot!;
  const cards = [...root.querySelectorAll('email-card')];
  return {
    title: root.querySelector<HTMLElement>('.title')!,
    cards,
    badges: [...root.querySelectorAll<HTMLElement>('.badge')],
    changesHeading: root.querySelector<HTMLElement>('.changes-heading')!,
    changes: [...root.querySelectorAll<HTMLElement>('.change')],
  };
}

const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('<worked-example>', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('is accessible', async () => {
    const el = await example();
    await expect(el).to.be.accessible();
  });

  it('titles the example as a heading, with the emails and the changes one level below', async () => {
    const el = await example();
    const { title, cards, changesHeading } = parts(el);
    expect(title.getAttribute('role')).to.equal('heading');
    expect(title.getAttribute('aria-level')).to.equal('2');
    expect(flat(title.textContent)).to.equal(`Worked example: ${sampleExample.title}`);
    expect(cards.map((c) => [c.heading, c.headingLevel])).to.deep.equal([
      ['Before', 3],
      ['After', 3],
    ]);
    expect(changesHeading.getAttribute('aria-level')).to.equal('3');
    expect(flat(changesHeading.textContent)).to.equal('What changed and why');

    el.headingLevel = 3;
    await el.updateComplete;
    expect(parts(el).title.getAttribute('aria-level')).to.equal('3');
    expect(parts(el).cards[0]!.headingLevel).to.equal(4);
    expect(parts(el).changesHeading.getAttribute('aria-level')).to.equal('4');
  });

  it('shows the before and after emails in email cards with the lesson wording', async () => {
    const el = await example();
    const [before, after] = parts(el).cards;
    expect(before!.subject).to.equal(sampleExample.before.subject);
    expect(before!.body).to.equal(sampleExample.before.body);
    expect(before!.subjectLabel).to.equal('Subject');
    expect(before!.noSubjectText).to.equal('(no subject)');
    expect(after!.subject).to.equal(sampleExample.after.subject);
    expect(after!.body).to.equal(sampleExample.after.body);
  });

  it("badges each email with the analyzer's score, so the difference shows", async () => {
    const el = await example();
    // Scored as the lesson scores it: its kind (a request by default) and its own checks weighted.
    const beforeScore = Math.round(scoreWorkedExample(sampleExample, sampleExample.before, []).score);
    const afterScore = Math.round(scoreWorkedExample(sampleExample, sampleExample.after, []).score);
    expect(afterScore).to.be.greaterThan(beforeScore);
    const { badges, cards } = parts(el);
    expect(badges.map((b) => b.dataset['email'])).to.deep.equal(['before', 'after']);
    // Seen as "Score N/100"; heard as "Score: N out of 100".
    expect(badges[0]!.querySelector('[aria-hidden="true"]')!.textContent).to.equal(`Score ${beforeScore}/100`);
    expect(badges[0]!.querySelector('.visually-hidden')!.textContent).to.equal(`Score: ${beforeScore} out of 100`);
    expect(badges[1]!.querySelector('[aria-hidden="true"]')!.textContent).to.equal(`Score ${afterScore}/100`);
    // Each badge sits in its own card's slot.
    expect(badges[0]!.parentElement).to.equal(cards[0]);
    expect(badges[1]!.parentElement).to.equal(cards[1]);
    expect(el.shadowRoot!.querySelector('.score-note')!.textContent).to.contain('same checks');
  });

  it('lists what changed and why it helps', async () => {
    const el = await example();
    const { changes } = parts(el);
    expect(changes).to.have.length(2);
    const [what, why] = [...changes[1]!.querySelectorAll('p')].map((p) => flat(p.textContent));
    expect(what).to.equal('What changed: The dates moved into the subject.');
    expect(why).to.equal('Why it helps: She can answer straight from her inbox.');
  });

  it('puts the emails side by side when there is room', async () => {
    const wide = await example(sampleExample, '900px');
    const [a, b] = parts(wide).cards;
    expect(a!.getBoundingClientRect().top).to.equal(b!.getBoundingClientRect().top);
    expect(b!.getBoundingClientRect().left).to.be.greaterThan(a!.getBoundingClientRect().right);
  });

  it('stacks the emails at 320 px, with no sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const narrow = await example(sampleExample, '100%');
    const [c, d] = parts(narrow).cards;
    expect(d!.getBoundingClientRect().top).to.be.greaterThan(c!.getBoundingClientRect().bottom);
    expect(narrow.scrollWidth).to.be.at.most(narrow.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('shows HTML, emoji and right-to-left text in the example as text', async () => {
    const el = await example({
      title: '<b>Title</b> 🎉',
      before: { subject: '', body: '<script>alert(1)</script>' },
      after: { subject: 'שלום', body: 'مرحبا بكم, please reply by Friday.' },
      changes: [{ change: '<img src=x onerror=alert(1)>', why: 'Because 👍🏽' }],
    });
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    expect(root.querySelector('b, img, script')).to.equal(null);
    expect(flat(parts(el).title.textContent)).to.contain('<b>Title</b> 🎉');
    expect(flat(parts(el).changes[0]!.textContent)).to.contain('<img src=x onerror=alert(1)>');
    expect(parts(el).badges).to.have.length(2);
  });

  it('renders nothing until it has an example and its wording', async () => {
    const el = await fixture<WorkedExample>(html`<worked-example></worked-example>`);
    expect(el.shadowRoot!.children).to.have.length(0);
    el.example = sampleExample;
    await el.updateComplete;
    expect(el.shadowRoot!.children).to.have.length(0);
    el.strings = lessonStrings;
    await el.updateComplete;
    expect(parts(el).cards).to.have.length(2);
  });
});
