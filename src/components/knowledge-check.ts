import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Question } from '../content/schema.ts';
import { format } from '../content/strings/format.ts';
import type { UiStrings } from '../content/strings/index.ts';
import { clampLevel } from './email-card.ts';
import { knowledgeCheckStyles } from './knowledge-check.styles.ts';
import { buttonStyles, fieldsetStyles } from './shared.styles.ts';
import { theme } from './theme.styles.ts';

/** Where the question is: answering, answered wrong with a retry left, or finished. */
export type QuestionPhase = 'answering' | 'feedback' | 'done';

/** Fired when the learner changes their choice; `selected` holds option indexes, in order. */
export class QuestionSelectEvent extends Event {
  static readonly eventName = 'question-select';
  readonly selected: number[];

  constructor(selected: readonly number[]) {
    super(QuestionSelectEvent.eventName, { bubbles: true, composed: true });
    this.selected = [...selected];
  }
}

/** Fired when the learner submits their answer. */
export class QuestionSubmitEvent extends Event {
  static readonly eventName = 'question-submit';

  constructor() {
    super(QuestionSubmitEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the learner asks to answer again after feedback. */
export class QuestionRetryEvent extends Event {
  static readonly eventName = 'question-retry';

  constructor() {
    super(QuestionRetryEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * One knowledge check: the prompt as the legend of a group of radio buttons (single answer,
 * true/false) or checkboxes (multiple answers), and a Submit button. Once answered it says
 * whether the answer was right and shows the feedback of every chosen option, in a polite live
 * region that receives focus; when finished with a wrong answer it also names the right ones.
 * The options are then locked; in phase `feedback` a Try again button unlocks them and moves
 * focus to the first option.
 *
 * The element renders the question machine's state and reports the learner's actions; it does
 * not judge answers. Properties: `question`, `strings` (the `question` wording), `selected`
 * (option indexes), `phase`, `correct`, `headingLevel` (attribute `heading-level`, default 3),
 * and optionally `number` and `total` for a "Question 2 of 4" heading.
 * Setting properties fires no events.
 *
 * @fires question-select - `QuestionSelectEvent` with the new `selected` indexes.
 * @fires question-submit - `QuestionSubmitEvent` when the learner submits.
 * @fires question-retry - `QuestionRetryEvent` when the learner asks to try again.
 * Slots and CSS parts: none; style it through the `--ee-*` theme properties.
 */
@customElement('knowledge-check')
export class KnowledgeCheck extends LitElement {
  static override styles = [theme, buttonStyles, fieldsetStyles, knowledgeCheckStyles];

  @property({ attribute: false }) question: Question | null = null;
  @property({ attribute: false }) strings: UiStrings['question'] | null = null;
  @property({ attribute: false }) selected: number[] = [];
  @property() phase: QuestionPhase = 'answering';
  @property({ type: Boolean }) correct = false;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** The question's place in its lesson, from 1; 0 leaves the number out of the heading. */
  @property({ type: Number }) number = 0;
  @property({ type: Number }) total = 0;

  @query('.feedback') private feedbackElement!: HTMLElement | null;
  @query('input') private firstOption!: HTMLInputElement | null;

  /** Where focus goes once the container has moved the question on after a learner's action. */
  private pendingFocus: 'feedback' | 'options' | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('question')) this.pendingFocus = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('phase') || !this.pendingFocus) return;
    if (this.pendingFocus === 'feedback' && this.phase !== 'answering') {
      this.pendingFocus = null;
      this.feedbackElement?.focus();
    } else if (this.pendingFocus === 'options' && this.phase === 'answering') {
      this.pendingFocus = null;
      this.firstOption?.focus();
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const { question, strings } = this;
    if (!question || !strings) return nothing;
    const answering = this.phase === 'answering';
    const multiple = question.type === 'multiple';
    const hint =
      question.type === 'multiple' ? strings.chooseAll : question.type === 'true-false' ? strings.chooseTrueFalse : strings.chooseOne;
    const heading =
      this.number > 0 && this.total > 0
        ? format(strings.headingNumbered, { number: this.number, total: this.total })
        : strings.heading;
    return html`
      <div class="heading" role="heading" aria-level=${clampLevel(this.headingLevel)}>${heading}</div>
      <fieldset aria-describedby="hint">
        <legend dir="auto">${question.prompt}</legend>
        <p class="hint" id="hint">${hint}</p>
        <ul class="options" role="list">
          ${question.options.map((option, index) => {
            const chosen = this.selected.includes(index);
            const showChosen = !answering && chosen;
            const showCorrect = this.phase === 'done' && option.correct;
            return html`<li class="option" ?data-chosen=${showChosen} ?data-correct=${showCorrect}>
              <input
                id=${`option-${index}`}
                type=${multiple ? 'checkbox' : 'radio'}
                name="answer"
                .value=${String(index)}
                .checked=${live(chosen)}
                ?disabled=${!answering}
                @change=${this.handleOptionChange}
              />
              <label for=${`option-${index}`}>
                <span class="option-text" dir="auto">${option.text}</span>
                ${showChosen || showCorrect
                  ? html`<span class="tags">
                      ${showChosen ? html`<span class="tag tag--chosen">${strings.yourAnswerTag}</span>` : nothing}
                      ${showCorrect ? html`<span class="tag tag--correct">${strings.correctAnswerTag}</span>` : nothing}
                    </span>`
                  : nothing}
              </label>
            </li>`;
          })}
        </ul>
      </fieldset>
      <div class="feedback" role="status" aria-live="polite" tabindex="-1">${answering ? nothing : this.renderFeedback()}</div>
      ${answering || this.phase === 'feedback'
        ? html`<div class="actions">
            ${answering
              ? html`<button type="button" class="button submit" ?disabled=${this.selected.length === 0} @click=${this.handleSubmit}>
                  ${strings.submit}
                </button>`
              : html`<button type="button" class="button secondary retry" @click=${this.handleRetry}>${strings.tryAgain}</button>`}
          </div>`
        : nothing}
    `;
  }

  private renderFeedback(): TemplateResult {
    const question = this.question!;
    const strings = this.strings!;
    const chosen = question.options.map((option, index) => ({ option, index })).filter(({ index }) => this.selected.includes(index));
    const right = question.options.filter((option) => option.correct);
    const verdict = this.correct ? strings.correct : this.phase === 'feedback' ? strings.incorrectRetry : strings.incorrectFinal;
    return html`
      <p class="verdict" data-correct=${this.correct ? 'true' : 'false'}>
        <span class="verdict-icon" aria-hidden="true">${this.correct ? '✓' : '✗'}</span> ${verdict}
      </p>
      ${this.renderTally()}
      ${chosen.length > 0
        ? html`<ul class="choices" role="list">
            ${chosen.map(
              ({ option }) => html`<li>
                <p class="chose">${format(strings.youChose, { option: option.text })}</p>
                <p class="option-feedback" dir="auto">${option.feedback}</p>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${this.phase === 'done' && !this.correct && right.length > 0
        ? html`<div class="right-answers">
            <p class="right-label">${right.length === 1 ? strings.rightAnswerOne : strings.rightAnswerMany}</p>
            <ul role="list">
              ${right.map((option) => html`<li dir="auto">${option.text}</li>`)}
            </ul>
          </div>`
        : nothing}
    `;
  }

  /**
   * For a choose-all question answered partly right: how many right answers are still missing
   * and how many choices are wrong, since each chosen right answer's own note says "Yes".
   */
  private renderTally(): TemplateResult | typeof nothing {
    const question = this.question!;
    const strings = this.strings!;
    if (this.correct || question.type !== 'multiple') return nothing;
    const total = question.options.filter((o) => o.correct).length;
    const found = this.selected.filter((i) => question.options[i]?.correct).length;
    const wrong = this.selected.length - found;
    const missing = total - found;
    const lines = [
      missing === 1 ? format(strings.missingOne, { found, total }) : missing > 1 ? format(strings.missingMany, { found, total, missing }) : '',
      wrong === 1 ? strings.wrongChosenOne : wrong > 1 ? format(strings.wrongChosenMany, { wrong }) : '',
    ].filter((line) => line !== '');
    return lines.length > 0 ? html`<p class="tally">${lines.join(' ')}</p>` : nothing;
  }

  private handleOptionChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const index = Number(input.value);
    let selected: number[];
    if (this.question?.type === 'multiple') {
      const others = this.selected.filter((i) => i !== index);
      selected = input.checked ? [...others, index].sort((a, b) => a - b) : others;
    } else {
      selected = [index];
    }
    this.selected = selected;
    this.dispatchEvent(new QuestionSelectEvent(selected));
  }

  private handleSubmit(): void {
    if (this.selected.length === 0) return;
    // Set before dispatching: a container may update `phase` while the event is handled.
    this.pendingFocus = 'feedback';
    this.dispatchEvent(new QuestionSubmitEvent());
  }

  private handleRetry(): void {
    this.pendingFocus = 'options';
    this.dispatchEvent(new QuestionRetryEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'knowledge-check': KnowledgeCheck;
  }
  interface HTMLElementEventMap {
    'question-select': QuestionSelectEvent;
    'question-submit': QuestionSubmitEvent;
    'question-retry': QuestionRetryEvent;
  }
}
