import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { excerptOf, FindingSelectEvent, type CheckList } from '../../src/components/check-list.ts';
import '../../src/components/check-list.ts';
import { analysisWith, rangeOf, sampleEmail } from './analysis-fixture.ts';
import { analysisStrings } from './analysis-strings.ts';

const { subject, body } = sampleEmail;
const result = analysisWith({
  courteous: [
    {
      field: 'body',
      ...rangeOf(body, 'Per my last email'),
      message: 'This can read as impatient.',
      suggestion: 'As mentioned on Monday,',
    },
  ],
  subject: [{ field: 'subject', ...rangeOf(subject, 'Quick question'), message: 'Name the topic.' }],
});

async function list() {
  return fixture<CheckList>(
    html`<check-list .strings=${analysisStrings} .result=${result} .subject=${subject} .body=${body}></check-list>`,
  );
}

const rows = (el: CheckList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.check')];

describe('<check-list>', () => {
  it('is accessible', async () => {
    const el = await list();
    await expect(el).to.be.accessible();
  });

  it('is accessible with its findings open', async () => {
    const el = await list();
    el.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true));
    await expect(el).to.be.accessible();
  });

  it('asks for an email first when there is no result', async () => {
    const el = await fixture<CheckList>(html`<check-list .strings=${analysisStrings}></check-list>`);
    await expect(el).to.be.accessible();
    expect(rows(el)).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.contain('Write your email first');
  });

  it('lists one row per check with its name in plain words, state in words and score', async () => {
    const el = await list();
    const all = rows(el);
    expect(all).to.have.length(9);
    const names = all.map((row) => row.querySelector('[role="heading"]')!.textContent!.trim());
    expect(names).to.include('Clear ask');
    expect(names).to.include('Main point first');
    expect(all[0]!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('3');

    const courteous = all[names.indexOf('Courteous')]!;
    expect(courteous.querySelector('.state')!.textContent).to.equal('Needs work');
    expect(courteous.querySelector('.percent')!.textContent).to.contain('40%');
    expect(courteous.querySelector('.icon svg')).to.not.equal(null);

    const clearAsk = all[names.indexOf('Clear ask')]!;
    expect(clearAsk.querySelector('.state')!.textContent).to.equal('Passed');

    const followUp = all[names.indexOf('Follow-up')]!;
    expect(followUp.querySelector('.state')!.textContent).to.equal('Does not apply');
    expect(followUp.querySelector('.percent')).to.equal(null);
  });

  it('quotes each finding with its message and suggestion in a collapsible list', async () => {
    const el = await list();
    const courteous = rows(el).find((row) => row.textContent!.includes('Courteous'))!;
    const details = courteous.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('1 finding');
    details.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    expect(details.querySelector('.quote')!.textContent).to.contain('“Per my last email”');
    expect(details.querySelector('.finding-message')!.textContent).to.equal('This can read as impatient.');
    expect(details.querySelector('.suggestion')!.textContent).to.contain('As mentioned on Monday,');
  });

  it('fires finding-select when the learner chooses a quote', async () => {
    const el = await list();
    const subjectRow = rows(el).find((row) => row.textContent!.includes('Subject line'))!;
    subjectRow.querySelector('details')!.open = true;
    const button = subjectRow.querySelector<HTMLButtonElement>('.quote')!;
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'finding-select')) as FindingSelectEvent;
    expect(event).to.be.instanceOf(FindingSelectEvent);
    expect(event.composed).to.equal(true);
    expect(event.checkId).to.equal('subject');
    expect(event.finding).to.deep.include({ field: 'subject', ...rangeOf(subject, 'Quick question') });
  });

  it('renders nothing until it has its wording, then takes every word from it', async () => {
    const el = await fixture<CheckList>(html`<check-list .result=${result}></check-list>`);
    expect(el.shadowRoot!.children).to.have.length(0);
    el.strings = {
      ...analysisStrings,
      checkNames: { ...analysisStrings.checkNames, courteous: 'Höflich' },
      checkFailed: 'Zu überarbeiten',
    };
    await el.updateComplete;
    const courteous = rows(el).find((row) => row.dataset['state'] === 'failed' && row.textContent!.includes('Höflich'))!;
    expect(courteous.querySelector('.state')!.textContent).to.equal('Zu überarbeiten');
  });

  it('follows the heading level it is given', async () => {
    const el = await fixture<CheckList>(html`<check-list heading-level="4" .strings=${analysisStrings} .result=${result}></check-list>`);
    expect(rows(el)[0]!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('4');
  });
});

describe('excerptOf', () => {
  it('quotes a range on one line, shortens long ones and never cuts an emoji', () => {
    expect(excerptOf('Hello\n\n  world', 0, 14)).to.equal('Hello world');
    expect(excerptOf('abc', 2, 2)).to.equal('');
    const long = `${'word '.repeat(300)}`;
    const quote = excerptOf(long, 0, long.length);
    expect(quote.endsWith('…')).to.equal(true);
    expect(quote.length).to.be.at.most(90);
    expect(excerptOf('😀'.repeat(100), 0, 200)).to.match(/^(😀)+…$/u);
  });
});
