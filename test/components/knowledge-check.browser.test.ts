import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Question } from '../../src/content/schema.ts';
import {
  QuestionRetryEvent,
  QuestionSelectEvent,
  QuestionSubmitEvent,
  type KnowledgeCheck,
  type QuestionPhase,
} from '../../src/components/knowledge-check.ts';
import '../../src/components/knowledge-check.ts';
import { multipleQuestion, questionStrings, singleQuestion, trueFalseQuestion } from './lesson-fixture.ts';

interface Setup {
  question?: Question;
  selected?: number[];
  phase?: QuestionPhase;
  correct?: boolean;
}

async function check({ question = singleQuestion, selected = [], phase = 'answering', correct = false }: Setup = {}) {
  return fixture<KnowledgeCheck>(
    html`<knowledge-check
      .question=${question}
      .strings=${questionStrings}
      .selected=${selected}
      .phase=${phase}
      .correct=${correct}
    ></knowledge-check>`,
  );
}

function parts(el: KnowledgeCheck) {
  const root = el.shadowRoot!;
  return {
    heading: root.querySelector<HTMLElement>('[role="heading"]')!,
    fieldset: root.querySelector('fieldset')!,
    legend: root.querySelector('legend')!,
    inputs: [...root.querySelectorAll<HTMLInputElement>('input')],
    labels: [...root.querySelectorAll<HTMLLabelElement>('label')],
    submit: root.querySelector<HTMLButtonElement>('button.submit'),
    retry: root.querySelector<HTMLButtonElement>('button.retry'),
    feedback: root.querySelector<HTMLElement>('.feedback')!,
  };
}

const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Collects every event of a type the element fires. */
function record<T extends Event>(el: HTMLElement, type: string): T[] {
  const events: T[] = [];
  el.addEventListener(type, (event) => events.push(event as T));
  return events;
}

describe('<knowledge-check>', () => {
  it('is accessible while answering, after feedback and when done', async () => {
    await expect(await check()).to.be.accessible();
    await expect(await check({ selected: [1], phase: 'feedback' })).to.be.accessible();
    await expect(await check({ question: multipleQuestion, selected: [0, 2], phase: 'done' })).to.be.accessible();
  });

  it('shows the prompt as the legend of a group of radio buttons for a single answer', async () => {
    const el = await check();
    const { heading, fieldset, legend, inputs, labels, submit } = parts(el);
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(heading.textContent).to.equal('Check your understanding');
    expect(legend.textContent).to.equal('Which subject works best?');
    expect(inputs.map((i) => i.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(inputs.map((i) => i.labels![0]!.textContent!.trim())).to.deep.equal(singleQuestion.options.map((o) => o.text));
    expect(labels).to.have.length(3);
    const hint = el.shadowRoot!.getElementById(fieldset.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.equal('Choose one answer.');
    expect(submit!.disabled).to.equal(true);
    expect(submit!.textContent!.trim()).to.equal('Submit');
    expect(parts(el).feedback.getAttribute('aria-live')).to.equal('polite');
    expect(parts(el).feedback.textContent).to.equal('');
  });

  it('uses checkboxes for multiple answers and radios for true/false, each with its hint', async () => {
    const multiple = await check({ question: multipleQuestion });
    expect(parts(multiple).inputs.map((i) => i.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    expect(multiple.shadowRoot!.querySelector('.hint')!.textContent).to.equal('Choose every answer that applies.');
    const trueFalse = await check({ question: trueFalseQuestion });
    expect(parts(trueFalse).inputs.map((i) => i.type)).to.deep.equal(['radio', 'radio']);
    expect(trueFalse.shadowRoot!.querySelector('.hint')!.textContent).to.equal('Choose true or false.');
  });

  it('numbers its heading when given its place, at the heading level it is given', async () => {
    const el = await check();
    el.number = 2;
    el.total = 3;
    el.headingLevel = 2;
    await el.updateComplete;
    expect(parts(el).heading.textContent).to.equal('Question 2 of 3');
    expect(parts(el).heading.getAttribute('aria-level')).to.equal('2');
  });

  it('fires question-select with the chosen option and enables Submit', async () => {
    const el = await check();
    setTimeout(() => parts(el).inputs[1]!.click());
    const event = await oneEvent<QuestionSelectEvent>(el, QuestionSelectEvent.eventName);
    expect(event).to.be.instanceOf(QuestionSelectEvent);
    expect(event.selected).to.deep.equal([1]);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.selected).to.deep.equal([1]);
    expect(parts(el).submit!.disabled).to.equal(false);
  });

  it('adds and removes checkbox choices, keeping them in option order', async () => {
    const el = await check({ question: multipleQuestion });
    const events = record<QuestionSelectEvent>(el, 'question-select');
    const { inputs } = parts(el);
    inputs[2]!.click();
    await el.updateComplete;
    inputs[0]!.click();
    await el.updateComplete;
    inputs[2]!.click();
    await el.updateComplete;
    expect(events.map((e) => e.selected)).to.deep.equal([[2], [0, 2], [0]]);
  });

  it('fires no events when properties are set in code', async () => {
    const el = await check();
    const events = [
      ...['question-select', 'question-submit', 'question-retry'].map((type) => record(el, type)),
    ];
    el.selected = [2];
    el.phase = 'feedback';
    await el.updateComplete;
    el.phase = 'done';
    el.correct = true;
    await el.updateComplete;
    expect(events.flat()).to.have.length(0);
    expect(parts(el).inputs[2]!.checked).to.equal(true);
    // Nor does it take focus: only the learner's own Submit moves focus to the feedback.
    expect(el.shadowRoot!.activeElement).to.equal(null);
  });

  it('fires question-submit, then shows the feedback for the chosen option and moves focus to it', async () => {
    const el = await check({ selected: [1] });
    setTimeout(() => parts(el).submit!.click());
    const event = await oneEvent<QuestionSubmitEvent>(el, QuestionSubmitEvent.eventName);
    expect(event).to.be.instanceOf(QuestionSubmitEvent);
    expect(event.bubbles && event.composed).to.equal(true);

    // The container judges the answer and moves the question on.
    el.phase = 'feedback';
    el.correct = false;
    await el.updateComplete;
    const { feedback, inputs, submit, retry } = parts(el);
    expect(el.shadowRoot!.activeElement).to.equal(feedback);
    expect(feedback.getAttribute('role')).to.equal('status');
    expect(flat(feedback.querySelector('.verdict')!.textContent)).to.contain('Not quite. Read the feedback, then try again.');
    expect([...feedback.querySelectorAll('.choices li')].map((li) => flat(li.textContent))).to.deep.equal([
      'You chose “Quick question” "Quick question" says nothing about the topic.',
    ]);
    // Not done yet: the right answer is not given away.
    expect(feedback.querySelector('.right-answers')).to.equal(null);
    expect(inputs.every((i) => i.disabled)).to.equal(true);
    expect(flat(inputs[1]!.labels![0]!.textContent)).to.equal('Quick question Your answer');
    expect(submit).to.equal(null);
    expect(retry!.textContent!.trim()).to.equal('Try again');
  });

  it('moves focus to the feedback also when the container moves the question on during the event', async () => {
    const el = await check({ selected: [0] });
    el.addEventListener('question-submit', () => {
      el.phase = 'done';
      el.correct = true;
    });
    parts(el).submit!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(parts(el).feedback);
    expect(flat(parts(el).feedback.textContent)).to.contain("That's right.");
  });

  it('fires question-retry on Try again, then moves focus to the first option', async () => {
    const el = await check({ selected: [2], phase: 'feedback' });
    setTimeout(() => parts(el).retry!.click());
    const event = await oneEvent<QuestionRetryEvent>(el, QuestionRetryEvent.eventName);
    expect(event).to.be.instanceOf(QuestionRetryEvent);

    el.phase = 'answering';
    el.selected = [];
    await el.updateComplete;
    const { inputs, feedback, retry, submit } = parts(el);
    expect(el.shadowRoot!.activeElement).to.equal(inputs[0]);
    expect(inputs.every((i) => !i.disabled && !i.checked)).to.equal(true);
    expect(feedback.textContent).to.equal('');
    expect(retry).to.equal(null);
    expect(submit!.disabled).to.equal(true);
  });

  it('a choose-all answer partly right says how many right answers are still missing', async () => {
    const partly = await check({ question: multipleQuestion, selected: [0], phase: 'feedback', correct: false });
    expect(flat(parts(partly).feedback.querySelector('.tally')!.textContent)).to.equal(
      'You found 1 of the 2 right answers: 1 more is still to find.',
    );
    const mixed = await check({ question: multipleQuestion, selected: [0, 2], phase: 'feedback', correct: false });
    expect(flat(parts(mixed).feedback.querySelector('.tally')!.textContent)).to.equal(
      'You found 1 of the 2 right answers: 1 more is still to find. 1 of your choices is not a right answer.',
    );
    const extra = await check({ question: multipleQuestion, selected: [0, 1, 2], phase: 'feedback', correct: false });
    expect(flat(parts(extra).feedback.querySelector('.tally')!.textContent)).to.equal('1 of your choices is not a right answer.');
    const right = await check({ question: multipleQuestion, selected: [0, 1], phase: 'done', correct: true });
    expect(parts(right).feedback.querySelector('.tally')).to.equal(null);
  });

  it('when done and wrong, names the right answers and offers no retry', async () => {
    const el = await check({ question: multipleQuestion, selected: [0, 2], phase: 'done', correct: false });
    const { feedback, inputs, retry, submit } = parts(el);
    expect(flat(feedback.querySelector('.verdict')!.textContent)).to.contain('Read the feedback and the right answer below.');
    expect([...feedback.querySelectorAll('.choices .option-feedback')].map((p) => p.textContent)).to.deep.equal([
      'Yes: following up on what?',
      'This one is fine.',
    ]);
    expect(flat(feedback.querySelector('.right-label')!.textContent)).to.equal('The right answers:');
    expect([...feedback.querySelectorAll('.right-answers li')].map((li) => li.textContent)).to.deep.equal([
      'Following up',
      'Update',
    ]);
    expect(flat(inputs[1]!.labels![0]!.textContent)).to.equal('Update Right answer');
    expect(flat(inputs[0]!.labels![0]!.textContent)).to.equal('Following up Your answer Right answer');
    expect(retry).to.equal(null);
    expect(submit).to.equal(null);
  });

  it('when done and right, says so with the chosen feedback and no answer list', async () => {
    const el = await check({ question: trueFalseQuestion, selected: [0], phase: 'done', correct: true });
    const { feedback } = parts(el);
    expect(flat(feedback.querySelector('.verdict')!.textContent)).to.contain("That's right.");
    expect(feedback.querySelector<HTMLElement>('.verdict')!.dataset['correct']).to.equal('true');
    expect(flat(feedback.querySelector('.option-feedback')!.textContent)).to.equal('Correct: inboxes cut off the rest.');
    expect(feedback.querySelector('.right-answers')).to.equal(null);
  });

  it('can be answered with the keyboard alone', async () => {
    const el = await check();
    const events = record<QuestionSelectEvent>(el, 'question-select');
    const submitted = record(el, 'question-submit');
    parts(el).inputs[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(events.map((e) => e.selected)).to.deep.equal([[0], [1]]);
    expect(parts(el).inputs[1]!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(parts(el).submit);
    await sendKeys({ press: 'Enter' });
    expect(submitted).to.have.length(1);

    el.phase = 'feedback';
    await el.updateComplete;
    // From the feedback, Tab reaches Try again; Enter on it comes back to the options.
    expect(el.shadowRoot!.activeElement).to.equal(parts(el).feedback);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(parts(el).retry);
    await sendKeys({ press: 'Enter' });
    el.phase = 'answering';
    el.selected = [];
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(parts(el).inputs[0]);
  });

  it('toggles checkboxes with Space', async () => {
    const el = await check({ question: multipleQuestion });
    const events = record<QuestionSelectEvent>(el, 'question-select');
    parts(el).inputs[1]!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'Space' });
    expect(events.map((e) => e.selected)).to.deep.equal([[1], [1, 2], [1]]);
  });

  it('shows HTML, emoji and right-to-left text as text, and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await check({
        question: {
          id: 'q_safe',
          type: 'single',
          prompt: '<img src=x onerror=alert(1)> Which is best? 🤔',
          retry: true,
          options: [
            { text: '<script>alert(1)</script>', correct: true, feedback: '<b>bold?</b> no' },
            { text: `שלום ${'x'.repeat(500)}`, correct: false, feedback: 'مرحبا' },
          ],
        },
        selected: [0, 1],
        phase: 'done',
        correct: false,
      });
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      expect(root.querySelector('img, script, b')).to.equal(null);
      expect(parts(el).legend.textContent).to.equal('<img src=x onerror=alert(1)> Which is best? 🤔');
      expect(parts(el).feedback.textContent).to.contain('<b>bold?</b> no');
      expect(root.querySelector('.option-text')!.getAttribute('dir')).to.equal('auto');
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
