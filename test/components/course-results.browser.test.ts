import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { CHECK_IDS, type CheckId } from '../../src/analyzer/index.ts';
import { ReviewCourseEvent, type CourseResults } from '../../src/components/course-results.ts';
import '../../src/components/course-results.ts';
import type { UiStrings } from '../../src/content/strings/index.ts';
import type { CourseRewrites } from '../../src/flows/rewrites.ts';
import type { CourseResult, SkillResult } from '../../src/flows/rules.ts';
import { analysisStrings } from './analysis-strings.ts';

const strings: UiStrings['results'] = {
  heading: 'Your results',
  finalScoreLabel: 'Final assessment',
  scoreOutOf: '{score} out of 100',
  passMark: 'Pass mark: {pass}',
  passed: 'Passed',
  passedDetail: 'You reached the pass mark.',
  notPassed: 'Not passed yet',
  notPassedDetail: "You haven't reached the pass mark yet.",
  pending: 'Not finished',
  pendingDetail: 'Finish every lesson to get your result.',
  notAttempted: 'Not attempted',
  notAttemptedDetail: "You haven't started the final assessment yet.",
  improvementHeading: 'Your progress',
  improvementUp: 'From {from} on your first rewrite to {to} in the final assessment: up {change} points.',
  improvementDown: 'From {from} on your first rewrite to {to} in the final assessment: down {change} points.',
  improvementSame: '{to} on both.',
  improvementNoDiagnostic: 'You scored {to} in the final assessment.',
  improvementNoFinal: 'You scored {from} on your first rewrite.',
  skillsCaption: 'Your score on each skill',
  skillsNote: 'A skill counts as mastered at {mastery} or more.',
  columnSkill: 'Skill',
  columnDiagnostic: 'First rewrite',
  columnFinal: 'Final assessment',
  columnChange: 'Change',
  columnMastered: 'Mastered',
  changeUp: '+{change}',
  changeDown: '−{change}',
  changeNone: 'No change',
  changeUnknown: 'Not available',
  masteredYes: 'Yes',
  masteredNo: 'Not yet',
  rewritesHeading: 'Your first rewrite and your final rewrites',
  rewritesIntro: 'Here is your first rewrite beside your final ones.',
  rewriteScore: 'Scored {score} out of 100',
  rewriteCheck: '{check}: {score}',
  rewriteSubjectLabel: 'Subject',
  rewriteNoSubject: '(no subject)',
  rewriteNotKept: "The text of this rewrite wasn't kept.",
  reviewCourse: 'Review the course',
};

const rewrites: CourseRewrites = {
  diagnostic: [
    { scenarioId: 'diag', title: 'The late invoices', draft: { subject: 'Invoices', body: 'Hi,\nPlease pay.\nSam' }, score: 47, checks: { subject: 40, 'clear-ask': 70 }, passed: false },
  ],
  final: [
    { scenarioId: 'final_a', title: 'The room booking', draft: { subject: 'Book room 4 by Fri', body: 'Hi Jo,\n\nCould you book it?' }, score: 90, checks: { subject: 100 }, passed: true },
    { scenarioId: 'final_b', title: 'The rota', draft: null, score: 80, checks: { courteous: 85 }, passed: true },
  ],
};

const skill = (check: CheckId, diagnostic: number | null, final: number | null, mastered = (final ?? 0) >= 80): SkillResult => ({
  check,
  diagnostic,
  final,
  overall: final,
  mastered,
});

/** A finished course: passed, with every kind of change in the table. */
const passedResult: CourseResult = {
  lessonStatuses: {},
  progressMeasure: 1,
  completed: true,
  finalScore: 82,
  diagnosticScore: 47,
  passed: true,
  skills: CHECK_IDS.map((check) => {
    switch (check) {
      case 'subject':
        return skill(check, 40, 90);
      case 'clear-ask':
        return skill(check, 70, 60);
      case 'courteous':
        return skill(check, 85, 85);
      case 'follow-up':
        return { check, diagnostic: null, final: null, overall: null, mastered: false };
      default:
        return skill(check, 50, 80);
    }
  }),
};

async function results(result: CourseResult | null, passScore = 70, extra = '') {
  const el = await fixture<CourseResults>(
    html`<course-results .result=${result} .passScore=${passScore} .strings=${strings} .analysisStrings=${analysisStrings}></course-results>`,
  );
  if (extra === 'review') {
    el.showReview = true;
    await el.updateComplete;
  }
  return el;
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: CourseResults) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const cells = (row: HTMLTableRowElement) => [...row.cells].map((c) => text(c));

describe('<course-results>', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('is accessible', async () => {
    const el = await results(passedResult, 70, 'review');
    await expect(el).to.be.accessible();
  });

  it('shows the first rewrite beside the final ones, with their text, scores and checks', async () => {
    const el = await results(passedResult);
    expect(el.shadowRoot!.querySelector('.rewrites'), 'nothing without rewrites').to.equal(null);
    el.rewrites = rewrites;
    await el.updateComplete;
    const root = el.shadowRoot!;
    const card = (id: string) => root.querySelector<HTMLElement & { subject: string; body: string; heading: string }>(`email-card[data-scenario="${id}"]`)!;
    expect(text(root.querySelector('#rewrites-heading'))).to.equal('Your first rewrite and your final rewrites');
    expect(card('diag').closest('section')!.getAttribute('aria-labelledby')).to.equal('rewrites-diagnostic');
    expect(card('diag').body).to.equal('Hi,\nPlease pay.\nSam');
    expect(text(card('diag').querySelector('.rewrite-score'))).to.equal('Scored 47 out of 100');
    expect([...card('diag').querySelectorAll('.rewrite-checks li')].map((li) => text(li))).to.deep.equal(['Subject line: 40', 'Clear ask: 70']);
    expect(card('final_a').closest('section')!.getAttribute('aria-labelledby')).to.equal('rewrites-final');
    expect(card('final_a').subject).to.equal('Book room 4 by Fri');
    expect(card('final_b').body).to.equal("The text of this rewrite wasn't kept.");
    await expect(el).to.be.accessible();

    // Side by side on a wide screen, stacked on a narrow one.
    await setViewport({ width: 1000, height: 800 });
    const first = card('diag').getBoundingClientRect();
    const last = card('final_a').getBoundingClientRect();
    expect(last.left, 'final rewrites on the right').to.be.at.least(first.right);
    await setViewport({ width: 320, height: 800 });
    expect(card('final_a').getBoundingClientRect().top, 'stacked').to.be.at.least(card('diag').getBoundingClientRect().bottom);
  });

  it('says in words whether the learner passed, with the score and the pass mark', async () => {
    const el = await results(passedResult);
    const verdict = el.shadowRoot!.querySelector<HTMLElement>('.verdict')!;
    expect(el.verdict).to.equal('passed');
    expect(verdict.dataset['verdict']).to.equal('passed');
    expect(text(verdict.querySelector('.final-score'))).to.equal('82 out of 100');
    expect(text(verdict.querySelector('.pass-mark'))).to.equal('Pass mark: 70');
    expect(text(verdict.querySelector('.verdict-text'))).to.equal('Passed. You reached the pass mark.');
    expect(verdict.querySelector('.icon svg')).to.not.equal(null);
  });

  it('says "not passed yet" below the pass mark', async () => {
    const el = await results({ ...passedResult, finalScore: 64, passed: false });
    expect(el.verdict).to.equal('not-passed');
    expect(text(el.shadowRoot!.querySelector('.verdict-text'))).to.contain('Not passed yet.');
    expect(text(el.shadowRoot!.querySelector('.final-score'))).to.equal('64 out of 100');
  });

  it('has a real table with a caption, column headers and a row header per check', async () => {
    const el = await results(passedResult);
    const table = el.shadowRoot!.querySelector('table')!;
    expect(text(table.querySelector('caption'))).to.equal('Your score on each skill');
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers.map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col', 'col']);
    expect(headers.map((th) => text(th))).to.deep.equal(['Skill', 'First rewrite', 'Final assessment', 'Change', 'Mastered']);
    expect(rows(el)).to.have.length(CHECK_IDS.length);
    for (const row of rows(el)) expect(row.querySelector('th')!.getAttribute('scope')).to.equal('row');
    expect(text(table.querySelector('tbody th'))).to.equal('Subject line');
  });

  it('shows each skill’s scores, change and mastery in words', async () => {
    const el = await results(passedResult);
    const byCheck = (id: CheckId) => rows(el).find((r) => r.dataset['check'] === id)!;
    expect(cells(byCheck('subject'))).to.deep.equal(['Subject line', '40', '90', '+50', 'Yes']);
    expect(cells(byCheck('clear-ask'))).to.deep.equal(['Clear ask', '70', '60', '−10', 'Not yet']);
    expect(cells(byCheck('courteous'))).to.deep.equal(['Courteous', '85', '85', 'No change', 'Yes']);
    expect(cells(byCheck('follow-up'))).to.deep.equal([
      'Follow-up',
      'Not attempted',
      'Not attempted',
      'Not available',
      'Not attempted',
    ]);
    // Mastery has a word, not only the tick.
    expect(byCheck('subject').querySelector('.mastered svg')).to.not.equal(null);
  });

  it('shows the improvement from the diagnostic rewrite to the final assessment', async () => {
    const el = await results(passedResult);
    expect(text(el.shadowRoot!.querySelector('.improvement-text'))).to.equal(
      'From 47 on your first rewrite to 82 in the final assessment: up 35 points.',
    );
    const values = [...el.shadowRoot!.querySelectorAll('.journey-value')].map((v) => text(v));
    expect(values).to.deep.equal(['47', '82']);
    expect(el.shadowRoot!.querySelector('.journey')!.getAttribute('aria-hidden')).to.equal('true');

    el.result = { ...passedResult, finalScore: 40, passed: false };
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.improvement-text'))).to.contain('down 7 points');
  });

  it('handles a course not yet attempted: null scores read "not attempted"', async () => {
    const empty: CourseResult = {
      lessonStatuses: {},
      progressMeasure: 0.2,
      completed: false,
      finalScore: null,
      diagnosticScore: null,
      passed: null,
      skills: CHECK_IDS.map((check) => ({ check, diagnostic: null, final: null, overall: null, mastered: false })),
    };
    const el = await results(empty);
    await expect(el).to.be.accessible();
    expect(el.verdict).to.equal('not-attempted');
    expect(text(el.shadowRoot!.querySelector('.final-score'))).to.equal('Not attempted');
    expect(text(el.shadowRoot!.querySelector('.improvement-text'))).to.equal(
      "You haven't started the final assessment yet.",
    );
    expect(el.shadowRoot!.querySelector('.journey')).to.equal(null);
    expect(cells(rows(el)[0]!)).to.deep.equal(['Subject line', 'Not attempted', 'Not attempted', 'Not available', 'Not attempted']);
  });

  it('handles a diagnostic only, and a final score before the course is complete', async () => {
    const el = await results({ ...passedResult, finalScore: null, passed: null, completed: false });
    expect(text(el.shadowRoot!.querySelector('.improvement-text'))).to.equal('You scored 47 on your first rewrite.');
    el.result = { ...passedResult, diagnosticScore: null, passed: null, completed: false };
    await el.updateComplete;
    expect(el.verdict).to.equal('pending');
    expect(text(el.shadowRoot!.querySelector('.verdict-text'))).to.contain('Not finished.');
    expect(text(el.shadowRoot!.querySelector('.improvement-text'))).to.equal('You scored 82 in the final assessment.');
  });

  it('renders with no result at all', async () => {
    const el = await results(null);
    await expect(el).to.be.accessible();
    expect(rows(el)).to.have.length(0);
    expect(el.verdict).to.equal('not-attempted');
  });

  it('fits its heading into the page', async () => {
    const el = await results(passedResult);
    const levels = () => [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName);
    expect(levels()).to.deep.equal(['H2', 'H3']);
    el.headingLevel = 3;
    await el.updateComplete;
    expect(levels()).to.deep.equal(['H3', 'H4']);
    el.headingLevel = 9;
    await el.updateComplete;
    expect(levels()).to.deep.equal(['H6', 'H6']);
  });

  it('fires review-course from the keyboard, and shows the button only when asked', async () => {
    const plain = await results(passedResult);
    expect(plain.shadowRoot!.querySelector('button')).to.equal(null);

    const el = await results(passedResult, 70, 'review');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
    expect(text(button)).to.equal('Review the course');
    button.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'review-course');
    expect(event).to.be.instanceOf(ReviewCourseEvent);
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('fits 320 px without scrolling sideways: rows stack and each value keeps its label', async () => {
    await setViewport({ width: 320, height: 640 });
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <course-results .result=${passedResult} .passScore=${70} .strings=${strings} .analysisStrings=${analysisStrings}></course-results>
      </div>`,
    );
    const el = wrapper.querySelector('course-results')!;
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(el.shadowRoot!.querySelector('table')!.getBoundingClientRect().right).to.be.at.most(320);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const cell = rows(el)[0]!.cells[1]!;
    expect(getComputedStyle(cell).display).to.equal('flex');
    expect(getComputedStyle(cell, '::before').content).to.contain('First rewrite');
    await expect(el).to.be.accessible();
  });

  it('takes the check names from the analysis wording', async () => {
    const el = await results(passedResult);
    el.analysisStrings = { ...analysisStrings, checkNames: { ...analysisStrings.checkNames, subject: 'Betreffzeile' } };
    await el.updateComplete;
    expect(text(rows(el)[0]!.querySelector('th'))).to.equal('Betreffzeile');
  });

  it('shows content text as text, not markup', async () => {
    const el = await results(passedResult);
    el.strings = { ...strings, heading: '<img src=x onerror=alert(1)> نتائجك 🎉' };
    await el.updateComplete;
    const heading = el.shadowRoot!.querySelector('h2')!;
    expect(heading.querySelector('img')).to.equal(null);
    expect(heading.textContent).to.equal('<img src=x onerror=alert(1)> نتائجك 🎉');
  });
});
