import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { AnalysisResult, CheckId } from '../../src/analyzer/index.ts';
import type { EmailCard } from '../../src/components/email-card.ts';
import {
  DraftChangeEvent,
  ExerciseContinueEvent,
  ExerciseReviseEvent,
  ExerciseStartEvent,
  ExerciseSubmitEvent,
  HintRequestEvent,
  type RewriteExercise,
} from '../../src/components/rewrite-exercise.ts';
import '../../src/components/rewrite-exercise.ts';
import type { AttemptRecord } from '../../src/content/progress.ts';
import { scoreAgainstRubric } from '../../src/content/rubric.ts';
import type { Scenario } from '../../src/content/schema.ts';
import type { UiStrings } from '../../src/content/strings/index.ts';
import { analysisStrings } from './analysis-strings.ts';

const strings: UiStrings['exercise'] = {
  contextHeading: 'The situation',
  contextYou: 'You',
  contextReader: 'Writing to',
  contextNeed: 'What you need',
  contextWhy: 'Why it matters',
  originalHeading: 'The email to rewrite',
  subjectLabel: 'Subject',
  noSubject: '(no subject)',
  readingIntro: 'Read the situation, then rewrite the email.',
  start: 'Start rewriting',
  draftHeading: 'Your rewrite',
  attemptOf: 'Attempt {n} of {max}',
  liveHeading: 'How your rewrite is doing',
  liveNote: 'These checks update as you type.',
  liveRulePasses: '{score} out of 100, and every marked check passes: this rewrite would pass.',
  liveRuleBelowPass: '{score} out of 100, and every marked check passes: the score needs to reach {pass} to pass.',
  liveRuleCheckFails: '{score} out of 100, and {check} still needs work: a rewrite passes with {pass} or more and every marked check passing.',
  liveRuleChecksFail: '{score} out of 100, and {count} checks still need work ({checks}): a rewrite passes with {pass} or more and every marked check passing.',
  liveEmpty: 'Write your email and the checks will appear here.',
  liveError: "These checks couldn't run just now.",
  hintsHeading: 'Hints',
  hintsNone: 'Stuck? Ask for a hint.',
  hintsAfterAttempt: 'Hints become available after your first attempt.',
  showHint: 'Show a hint',
  hintLabel: 'Hint {n}',
  hintAnnouncement: 'Hint {n}: {text}',
  submit: 'Submit my rewrite',
  submitNeedsText: 'Write your email before you submit it.',
  feedbackHeading: 'Feedback on attempt {n}',
  feedbackScore: 'You scored {score} out of 100. You need {pass} to pass.',
  feedbackBelowPass: 'Not passed yet.',
  feedbackChecksMustPass: 'Your score reached the pass mark, but every marked check must pass too.',
  feedbackAnnouncement: 'Attempt {n}: you scored {score} out of 100. You need {pass} to pass.',
  submittedHeading: 'The email you submitted',
  rubricHeading: 'The checks this rewrite is marked on',
  checkPassed: 'Passed',
  checkFailed: 'Needs work',
  checkNotApplicable: 'Does not apply',
  checkScore: '{score} out of 100',
  changesHeading: 'Since your last attempt',
  changesFirstAttempt: 'This was your first attempt.',
  overallChange: 'Your score went from {from} to {to}.',
  checkUp: '{check}: up {change} points, from {from} to {to}',
  checkDown: '{check}: down {change} points, from {from} to {to}',
  checkSame: '{check}: unchanged at {to}',
  attemptsLeftOne: 'You have 1 attempt left.',
  attemptsLeftMany: 'You have {n} attempts left.',
  revise: 'Revise my email',
  passedHeading: 'Well done, you passed',
  passedScore: 'You scored {score} out of 100, and the pass mark is {pass}.',
  passedFirstAttempt: 'You passed on your first attempt.',
  passedImproved: 'Your score went from {first} on your first attempt to {score} over {n} attempts.',
  passedAnnouncement: 'You passed with {score} out of 100.',
  exhaustedHeading: 'Compare your email with a model answer',
  exhaustedIntro: "You've used all {max} attempts. Your best score was {best} out of 100, and the pass mark is {pass}.",
  exhaustedNoAttempts: "You've used all your attempts.",
  exhaustedAnnouncement: 'That was your last attempt. You scored {score} out of 100.',
  modelHeading: 'A model answer',
  yourDraftHeading: 'Your last draft',
  takeawayHeading: 'What to take away',
  takeawayCompare: 'Compare the two emails.',
  takeawayFocus: 'Next time, pay most attention to: {checks}.',
  continue: 'Continue',
};

const scenario: Scenario = {
  id: 'request_room_booking',
  title: 'Booking the training room',
  kind: 'request',
  audience: 'non-technical',
  context: {
    you: 'Sam, a team lead in Finance.',
    reader: 'Jo, who manages the meeting rooms.',
    need: 'The training room on Tuesday 3 June, 9–12, for eight people.',
    why: 'New starters need their induction before month end.',
  },
  original: {
    subject: 'Room',
    body: 'Hi Jo,\n\nSo we have some new people and I was thinking maybe we could use a room at some point next week if that is ok.\n\nSam',
  },
  model: {
    subject: 'Training room for Tue 3 June, 9–12?',
    body: 'Hi Jo,\n\nCould I book the training room on Tuesday 3 June from 9 to 12 for eight people?\n\nThanks,\nSam',
  },
  rubric: { checks: ['subject', 'clear-ask', 'courteous'], weights: {}, passScore: 70, hintReveal: 'on-request' },
  hints: ['Say in the subject what you want and when.', 'Ask one direct question the reader can answer yes to.'],
};

const attempt = (score: number, checks: Partial<Record<CheckId, number>>, passed = false): AttemptRecord => ({
  score,
  passed,
  checks,
  at: 60,
  seconds: 30,
});

const attempts: AttemptRecord[] = [
  attempt(52, { subject: 40, 'clear-ask': 50, courteous: 90 }),
  attempt(64, { subject: 90, 'clear-ask': 40, courteous: 90 }),
];

/** The analysis of the second attempt: the ask still needs work. */
const lastResult: AnalysisResult = {
  score: 64,
  checks: [
    { id: 'subject', applicable: true, passed: true, score: 0.9, message: 'The subject says what and when.', findings: [] },
    { id: 'clear-ask', applicable: true, passed: false, score: 0.4, message: 'Ask a direct question.', findings: [] },
    { id: 'concise', applicable: true, passed: false, score: 0.2, message: 'Not on the rubric.', findings: [] },
    { id: 'courteous', applicable: true, passed: true, score: 0.9, message: 'Friendly and polite.', findings: [] },
  ],
};

const goodDraft = {
  subject: 'Training room for Tue 3 June, 9–12?',
  body: 'Hi Jo,\n\nCould you book the training room for me on Tuesday 3 June from 9 to 12 for eight people? Please let me know by Friday.\n\nThanks,\nSam',
};

type Setup = Partial<Pick<RewriteExercise, 'phase' | 'draft' | 'attempts' | 'hintsShown' | 'canHint' | 'lastResult' | 'maxAttempts' | 'debounceMs' | 'headingLevel' | 'scenario'>>;

/** Renders the exercise as a container would on load: every property set before the first render. */
async function exercise(setup: Setup = {}): Promise<RewriteExercise> {
  const el = document.createElement('rewrite-exercise');
  Object.assign(el, { scenario, strings, analysisStrings }, setup);
  await fixture<HTMLElement>(html`<main>${el}</main>`);
  await el.updateComplete;
  return el;
}

/** Moves the element to a new phase, as the container does after a machine transition. */
async function moveTo(el: RewriteExercise, setup: Setup): Promise<void> {
  Object.assign(el, setup);
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

function parts(el: RewriteExercise) {
  const root = el.shadowRoot!;
  const editor = root.querySelector('email-editor');
  const list = root.querySelector('check-list');
  return {
    root,
    editor,
    subject: editor?.shadowRoot!.querySelector<HTMLInputElement>('#subject') ?? null,
    body: editor?.shadowRoot!.querySelector<HTMLTextAreaElement>('#body') ?? null,
    list,
    listRows: () => [...(list?.shadowRoot!.querySelectorAll<HTMLElement>('.check') ?? [])],
    button: (label: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label) ?? null,
    status: root.querySelector<HTMLElement>('[role="status"]')!,
    headings: () =>
      [...root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName}:${text(h)}`),
    cards: () => [...root.querySelectorAll<EmailCard>('email-card')],
  };
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Replaces the body as a paste would: the field's value changes and an input event follows. */
function paste(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

describe('<rewrite-exercise>', () => {
  afterEach(async () => {
    await setViewport({ width: 1200, height: 900 });
  });

  describe('reading', () => {
    it('is accessible', async () => {
      const el = await exercise();
      await expect(el).to.be.accessible();
    });

    it('shows the title, the situation and the original email', async () => {
      const el = await exercise();
      const { root, headings, cards } = parts(el);
      expect(headings()).to.deep.equal(['H2:Booking the training room', 'H3:The situation']);
      const pairs = [...root.querySelectorAll('dl > div')].map((d) => `${text(d.querySelector('dt'))}|${text(d.querySelector('dd'))}`);
      expect(pairs).to.deep.equal([
        'You|Sam, a team lead in Finance.',
        'Writing to|Jo, who manages the meeting rooms.',
        'What you need|The training room on Tuesday 3 June, 9–12, for eight people.',
        'Why it matters|New starters need their induction before month end.',
      ]);
      const [original] = cards();
      expect(cards()).to.have.length(1);
      expect(original!.heading).to.equal('The email to rewrite');
      expect(original!.headingLevel).to.equal(3);
      expect(original!.subject).to.equal('Room');
      expect(original!.body).to.equal(scenario.original.body);
      expect(original!.subjectLabel).to.equal('Subject');
      expect(root.querySelector('email-editor')).to.equal(null);
    });

    it('fires exercise-start from the keyboard', async () => {
      const el = await exercise();
      const start = parts(el).button('Start rewriting')!;
      start.focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = await oneEvent(el, 'exercise-start');
      expect(event).to.be.instanceOf(ExerciseStartEvent);
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('moves focus to the editor when drafting starts', async () => {
      const el = await exercise();
      parts(el).button('Start rewriting')!.focus();
      await moveTo(el, { phase: 'drafting', draft: { ...scenario.original } });
      const { editor, subject } = parts(el);
      await waitUntil(() => editor!.shadowRoot!.activeElement === subject, 'the editor did not take focus');
      expect(subject!.value).to.equal('Room');
    });

    it('follows the heading level it is given', async () => {
      const el = await exercise({ headingLevel: 3 });
      expect(parts(el).headings()).to.deep.equal(['H3:Booking the training room', 'H4:The situation']);
      expect(parts(el).cards()[0]!.headingLevel).to.equal(4);
    });
  });

  describe('drafting', () => {
    it('is accessible with live checks and hints', async () => {
      const el = await exercise({ phase: 'drafting', draft: { ...scenario.original }, hintsShown: 1, canHint: true });
      await expect(el).to.be.accessible();
    });

    it('pre-fills the editor, hides the fixed kind and audience and counts the attempt', async () => {
      const el = await exercise({ phase: 'drafting', draft: { ...scenario.original }, attempts: attempts.slice(0, 1) });
      const { editor, subject, body, root } = parts(el);
      expect(editor!.hideContext).to.equal(true);
      expect(editor!.kind).to.equal('request');
      expect(editor!.audience).to.equal('non-technical');
      expect(editor!.shadowRoot!.querySelector('#kind')).to.equal(null);
      expect(subject!.value).to.equal('Room');
      expect(body!.value).to.equal(scenario.original.body);
      expect(text(root.querySelector('.attempt'))).to.equal('Attempt 2 of 3');
    });

    it('shows only the rubric’s checks at once, with highlights in the editor', async () => {
      const el = await exercise({ phase: 'drafting', draft: { ...scenario.original } });
      const { listRows, editor, root } = parts(el);
      const names = listRows().map((row) => text(row.querySelector('[role="heading"]')));
      expect(names).to.deep.equal(['Subject line', 'Clear ask', 'Courteous']);
      expect(editor!.result!.checks.map((c) => c.id)).to.deep.equal(['subject', 'clear-ask', 'courteous']);
      expect(text(root.querySelector('.live-score'))).to.match(
        /^\d+ out of 100, and (Subject line|Clear ask|Courteous|\d checks) still needs? work.*: a rewrite passes with 70 or more and every marked check passing\.$/,
      );
      expect(listRows()[0]!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('4');
    });

    it('states the whole pass rule for the draft, as a submission would be marked', async () => {
      // Over the pass mark with a vague subject: the score alone would pass, the subject check doesn't.
      const reached = { subject: 'Room', body: goodDraft.body };
      const marked = scoreAgainstRubric(scenario, reached);
      expect(marked.score, 'the draft reaches the pass mark').to.be.at.least(70);
      expect(marked.failedChecks).to.deep.equal(['subject']);
      const el = await exercise({ phase: 'drafting', draft: reached });
      expect(text(parts(el).root.querySelector('.live-score'))).to.equal(
        `${Math.round(marked.score)} out of 100, and Subject line still needs work: a rewrite passes with 70 or more and every marked check passing.`,
      );

      el.draft = { ...goodDraft };
      const passing = scoreAgainstRubric(scenario, goodDraft);
      expect(passing.passed, 'the good draft passes').to.equal(true);
      await waitUntil(() => text(parts(el).root.querySelector('.live-score')).startsWith(`${Math.round(passing.score)} out of 100`));
      expect(text(parts(el).root.querySelector('.live-score'))).to.equal(
        `${Math.round(passing.score)} out of 100, and every marked check passes: this rewrite would pass.`,
      );
    });

    it('fires draft-change on each edit and re-checks once typing pauses', async () => {
      // A pause long enough that a busy machine's keystrokes never leave one mid-typing.
      const el = await exercise({ phase: 'drafting', draft: { ...scenario.original }, debounceMs: 1000 });
      const { subject, body, listRows, root } = parts(el);
      const drafts: DraftChangeEvent[] = [];
      let leaked = 0;
      el.addEventListener('draft-change', (e) => drafts.push(e));
      el.addEventListener('email-change', () => (leaked += 1));
      const scoreBefore = text(root.querySelector('.live-score'));
      const subjectStateBefore = text(listRows()[0]!.querySelector('.state'));

      subject!.select();
      await sendKeys({ type: 'Training room for Tue 3 June, 9–12?' });
      paste(body!, goodDraft.body);
      const last = drafts.at(-1)!;
      expect(last).to.be.instanceOf(DraftChangeEvent);
      expect(last.bubbles && last.composed).to.equal(true);
      expect(last.draft).to.deep.equal(goodDraft);
      expect(leaked).to.equal(0);

      // Not re-checked on each keystroke: the old result stays until the pause.
      await el.updateComplete;
      expect(text(root.querySelector('.live-score'))).to.equal(scoreBefore);
      await waitUntil(() => text(root.querySelector('.live-score')) !== scoreBefore, 'the checks never re-ran', { timeout: 5000 });
      expect(subjectStateBefore).to.equal('Needs work');
      expect(text(listRows()[0]!.querySelector('.state'))).to.equal('Passed');
    });

    it('disables Submit for an empty draft and says why', async () => {
      const el = await exercise({ phase: 'drafting', draft: { subject: '', body: '  ' } });
      const { button, root, listRows } = parts(el);
      const submit = button('Submit my rewrite')!;
      expect(submit.disabled).to.equal(true);
      expect(text(root.querySelector(`#${submit.getAttribute('aria-describedby')}`))).to.equal(
        'Write your email before you submit it.',
      );
      expect(listRows()).to.have.length(0);
      expect(text(root.querySelector('.live .empty'))).to.equal('Write your email and the checks will appear here.');
      await expect(el).to.be.accessible();
    });

    it('fires exercise-submit with the draft from the keyboard', async () => {
      const el = await exercise({ phase: 'drafting', draft: { ...goodDraft } });
      const submit = parts(el).button('Submit my rewrite')!;
      expect(submit.disabled).to.equal(false);
      submit.focus();
      setTimeout(() => void sendKeys({ press: 'Space' }));
      const event = (await oneEvent(el, 'exercise-submit')) as ExerciseSubmitEvent;
      expect(event).to.be.instanceOf(ExerciseSubmitEvent);
      expect(event.composed).to.equal(true);
      expect(event.draft).to.deep.equal(goodDraft);
    });

    it('selects a finding’s text in the editor when the learner picks it in the list', async () => {
      const el = await exercise({ phase: 'drafting', draft: { ...scenario.original } });
      const { listRows, subject, editor } = parts(el);
      const subjectRow = listRows().find((row) => row.textContent!.includes('Subject line'))!;
      // A one-word subject ("Room") is too vague: the subject check quotes it.
      const details = subjectRow.querySelector('details')!;
      details.open = true;
      details.querySelector<HTMLButtonElement>('.quote')!.click();
      expect(editor!.shadowRoot!.activeElement === subject).to.equal(true);
      expect(subject!.value.slice(subject!.selectionStart!, subject!.selectionEnd!)).to.equal('Room');
      expect(editor!.shadowRoot!.querySelector('.backdrop--subject mark')!.textContent).to.equal('Room');
    });
  });

  describe('hints', () => {
    it('asks for a hint, lists revealed hints and announces the newest', async () => {
      const el = await exercise({ phase: 'drafting', draft: { ...scenario.original }, canHint: true });
      const { button, root, status } = parts(el);
      expect(text(root.querySelector('.hints .note'))).to.equal('Stuck? Ask for a hint.');
      const show = button('Show a hint')!;
      show.focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      expect(await oneEvent(el, 'hint-request')).to.be.instanceOf(HintRequestEvent);

      await moveTo(el, { hintsShown: 1 });
      expect([...root.querySelectorAll('.hints li')].map((li) => text(li))).to.deep.equal([
        'Hint 1: Say in the subject what you want and when.',
      ]);
      expect(text(status)).to.equal('Hint 1: Say in the subject what you want and when.');
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(el.shadowRoot!.activeElement === show, 'where focus is').to.equal(true);
    });

    it('moves focus to the last hint when the button goes', async () => {
      const el = await exercise({ phase: 'drafting', draft: { ...scenario.original }, canHint: true, hintsShown: 1 });
      parts(el).button('Show a hint')!.click();
      await moveTo(el, { hintsShown: 2, canHint: false });
      const { root, status } = parts(el);
      expect(parts(el).button('Show a hint')).to.equal(null);
      expect(root.querySelectorAll('.hints li')).to.have.length(2);
      expect(el.shadowRoot!.activeElement === root.querySelector('.hints li:last-child'), 'where focus is').to.equal(true);
      expect(text(status)).to.equal('Hint 2: Ask one direct question the reader can answer yes to.');
    });

    it('says hints come after the first attempt when the rubric says so', async () => {
      const later: Scenario = { ...scenario, rubric: { ...scenario.rubric, hintReveal: 'after-attempt' } };
      const el = await exercise({ scenario: later, phase: 'drafting', draft: { ...scenario.original }, canHint: false });
      expect(text(parts(el).root.querySelector('.hints .note'))).to.equal('Hints become available after your first attempt.');
      expect(parts(el).button('Show a hint')).to.equal(null);
    });
  });

  describe('feedback', () => {
    async function feedback(setup: Setup = {}) {
      const el = await exercise({ phase: 'drafting', draft: { ...goodDraft }, attempts: attempts.slice(0, 1) });
      parts(el).button('Submit my rewrite')!.focus();
      await moveTo(el, { phase: 'feedback', attempts, lastResult, ...setup });
      return el;
    }

    it('is accessible', async () => {
      const el = await feedback();
      await expect(el).to.be.accessible();
    });

    it('moves focus to the feedback heading and announces the score politely', async () => {
      const el = await feedback();
      const { root, status } = parts(el);
      const heading = root.querySelector<HTMLElement>('#feedback-heading')!;
      expect(el.shadowRoot!.activeElement === heading, 'where focus is').to.equal(true);
      expect(text(heading)).to.equal('Feedback on attempt 2');
      expect(heading.tagName).to.equal('H3');
      expect(text(status)).to.equal('Attempt 2: you scored 64 out of 100. You need 70 to pass.');
      expect(text(root.querySelector('.verdict-score'))).to.equal('You scored 64 out of 100. You need 70 to pass.');
      expect(text(root.querySelector('.verdict-text'))).to.equal('Not passed yet.');
    });

    it('lists the rubric’s checks with passed or needs work in words, and their messages', async () => {
      const el = await feedback();
      const rows = [...parts(el).root.querySelectorAll<HTMLElement>('.rubric-check')];
      expect(rows.map((r) => text(r))).to.deep.equal([
        'Subject line Passed 90 out of 100 The subject says what and when.',
        'Clear ask Needs work 40 out of 100 Ask a direct question.',
        'Courteous Passed 90 out of 100 Friendly and polite.',
      ]);
      expect(rows.map((r) => r.dataset['state'])).to.deep.equal(['passed', 'failed', 'passed']);
      expect(rows[1]!.querySelector('.icon svg')).to.not.equal(null);
    });

    it('quotes what a failed check found in the submitted email, with its suggestion', async () => {
      // goodDraft's body: "Hi Jo,\n\nCould you book …": the finding covers "Could you book".
      const start = goodDraft.body.indexOf('Could you book');
      const withFinding: AnalysisResult = {
        ...lastResult,
        checks: lastResult.checks.map((c) =>
          c.id === 'clear-ask'
            ? { ...c, message: 'Say the highlighted ask sooner.', findings: [{ field: 'body', start, end: start + 'Could you book'.length, message: 'The ask comes late.', suggestion: 'Open with it.' }] }
            : c,
        ),
      };
      const el = await feedback({ lastResult: withFinding });
      const rows = [...parts(el).root.querySelectorAll<HTMLElement>('.rubric-check')];
      expect([...rows[1]!.querySelectorAll('.finding')].map((f) => text(f))).to.deep.equal([
        'In the message: “Could you book” The ask comes late. Try: Open with it.',
      ]);
      expect(rows[0]!.querySelector('.finding'), 'no findings on a passed check').to.equal(null);
    });

    it('shows what changed since the previous attempt and the attempts left', async () => {
      const el = await feedback();
      const { root } = parts(el);
      expect(text(root.querySelector('.changes-note'))).to.equal('Your score went from 52 to 64.');
      expect([...root.querySelectorAll('.changes li')].map((li) => text(li))).to.deep.equal([
        '▲Subject line: up 50 points, from 40 to 90',
        '▼Clear ask: down 10 points, from 50 to 40',
        '=Courteous: unchanged at 90',
      ]);
      expect(root.querySelector('.changes .arrow')!.getAttribute('aria-hidden')).to.equal('true');
      expect(text(root.querySelector('.attempts-left'))).to.equal('You have 1 attempt left.');
      const submitted = parts(el).cards().find((c) => c.heading === 'The email you submitted')!;
      expect(submitted.subject).to.equal(goodDraft.subject);
    });

    it('after a first attempt, says so and counts the attempts left', async () => {
      const el = await feedback({ attempts: attempts.slice(0, 1), maxAttempts: 4 });
      const { root } = parts(el);
      expect(text(root.querySelector('.changes-note'))).to.equal('This was your first attempt.');
      expect(text(root.querySelector('.attempts-left'))).to.equal('You have 3 attempts left.');
    });

    it('explains a score at the pass mark with a failing check', async () => {
      const el = await feedback({ attempts: [attempt(75, { subject: 100, 'clear-ask': 40, courteous: 100 })] });
      expect(text(parts(el).root.querySelector('.verdict-text'))).to.contain('every marked check must pass');
    });

    it('shows scores from the attempt when the full result is not available', async () => {
      const el = await feedback({ lastResult: null });
      const rows = [...parts(el).root.querySelectorAll<HTMLElement>('.rubric-check')];
      expect(rows.map((r) => text(r))).to.deep.equal(['Subject line 90 out of 100', 'Clear ask 40 out of 100', 'Courteous 90 out of 100']);
    });

    it('fires exercise-revise from the keyboard', async () => {
      const el = await feedback();
      const revise = parts(el).button('Revise my email')!;
      revise.focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      expect(await oneEvent(el, 'exercise-revise')).to.be.instanceOf(ExerciseReviseEvent);
      await moveTo(el, { phase: 'drafting' });
      const { editor, body } = parts(el);
      expect(body!.value).to.equal(goodDraft.body);
      await waitUntil(() => editor!.shadowRoot!.activeElement !== null, 'the editor did not take focus');
    });
  });

  describe('passed', () => {
    it('congratulates with the score and the improvement, then continues', async () => {
      const el = await exercise({ phase: 'drafting', draft: { ...goodDraft }, attempts });
      const passing = [...attempts, attempt(86, { subject: 90, 'clear-ask': 80, courteous: 90 }, true)];
      await moveTo(el, { phase: 'passed', attempts: passing });
      await expect(el).to.be.accessible();
      const { root, status, button } = parts(el);
      const heading = root.querySelector<HTMLElement>('#passed-heading')!;
      expect(el.shadowRoot!.activeElement === heading, 'where focus is').to.equal(true);
      expect(text(heading)).to.equal('Well done, you passed');
      expect(text(root.querySelector('.verdict-score'))).to.equal('You scored 86 out of 100, and the pass mark is 70.');
      expect(text(root.querySelector('.improvement'))).to.equal(
        'Your score went from 52 on your first attempt to 86 over 3 attempts.',
      );
      expect(text(status)).to.equal('You passed with 86 out of 100.');
      const next = button('Continue')!;
      next.focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      expect(await oneEvent(el, 'exercise-continue')).to.be.instanceOf(ExerciseContinueEvent);
    });

    it('says when the learner passed first time, and does not steal focus when restored', async () => {
      const el = await exercise({ phase: 'passed', attempts: [attempt(90, {}, true)] });
      expect(text(parts(el).root.querySelector('.improvement'))).to.equal('You passed on your first attempt.');
      expect(el.shadowRoot!.activeElement === null).to.equal(true);
      expect(text(parts(el).status)).to.equal('');
    });
  });

  describe('attempts used up', () => {
    const used = [...attempts, attempt(60, { subject: 90, 'clear-ask': 40, courteous: 80 })];

    async function exhausted() {
      const el = await exercise({ phase: 'feedback', draft: { ...goodDraft }, attempts, lastResult });
      await moveTo(el, { phase: 'exhausted', attempts: used });
      return el;
    }

    it('is accessible', async () => {
      await expect(await exhausted()).to.be.accessible();
    });

    it('shows the model answer beside the last draft, with what to take away', async () => {
      const el = await exhausted();
      const { root, cards, status } = parts(el);
      expect(el.shadowRoot!.activeElement === root.querySelector('#exhausted-heading'), 'where focus is').to.equal(true);
      expect(text(status)).to.equal('That was your last attempt. You scored 60 out of 100.');
      expect(text(root.querySelector('.exhausted .intro'))).to.equal(
        "You've used all 3 attempts. Your best score was 64 out of 100, and the pass mark is 70.",
      );
      const model = root.querySelector<EmailCard>('email-card.model')!;
      const yours = root.querySelector<EmailCard>('email-card.yours')!;
      expect(model.heading).to.equal('A model answer');
      expect(model.subject).to.equal(scenario.model.subject);
      expect(model.body).to.equal(scenario.model.body);
      expect(yours.heading).to.equal('Your last draft');
      expect(yours.body).to.equal(goodDraft.body);
      expect(cards()).to.have.length(3);
      expect(text(root.querySelector('.takeaway .focus'))).to.equal('Next time, pay most attention to: Clear ask.');

      const left = model.getBoundingClientRect();
      const right = yours.getBoundingClientRect();
      expect(right.left).to.be.greaterThan(left.right - 1);
      expect(right.top).to.equal(left.top);

      const next = parts(el).button('Continue')!;
      setTimeout(() => next.click());
      expect(await oneEvent(el, 'exercise-continue')).to.be.instanceOf(ExerciseContinueEvent);
    });

    it('stacks the two emails at 320 px without scrolling sideways', async () => {
      await setViewport({ width: 320, height: 800 });
      const el = await exhausted();
      const model = el.shadowRoot!.querySelector<EmailCard>('email-card.model')!.getBoundingClientRect();
      const yours = el.shadowRoot!.querySelector<EmailCard>('email-card.yours')!.getBoundingClientRect();
      expect(yours.top).to.be.at.least(model.bottom);
      expect(yours.left).to.equal(model.left);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    });
  });

  describe('edge cases', () => {
    const odd: Scenario = {
      ...scenario,
      title: '<img src=x onerror="window.hacked=1"> مرحبا 👋',
      context: { ...scenario.context, you: '<b>bold</b> '.repeat(3) + 'x'.repeat(400) },
      original: { subject: '', body: '<script>window.hacked = 1</script> שלום 🎉' },
    };

    it('shows HTML, emoji, right-to-left and very long text as text, within 320 px', async () => {
      await setViewport({ width: 320, height: 800 });
      const el = await exercise({ scenario: odd, phase: 'drafting', draft: { subject: '', body: 'x'.repeat(5000) } });
      const { root, cards } = parts(el);
      expect(text(root.querySelector('.title'))).to.equal('<img src=x onerror="window.hacked=1"> مرحبا 👋');
      expect(root.querySelector('img, b, script')).to.equal(null);
      expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
      expect(cards()[0]!.noSubjectText).to.equal('(no subject)');
      expect(root.querySelector('.title')!.getAttribute('dir')).to.equal('auto');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });

    it('renders nothing until it has a scenario and wording', async () => {
      const el = await fixture<RewriteExercise>(html`<rewrite-exercise></rewrite-exercise>`);
      expect(el.shadowRoot!.children).to.have.length(0);
    });
  });
});
