import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CheckId } from '../analyzer/index.ts';
import { scoreWorkedExample } from '../content/rubric.ts';
import type { Email, Example } from '../content/schema.ts';
import { format } from '../content/strings/format.ts';
import type { UiStrings } from '../content/strings/index.ts';
import { clampLevel } from './email-card.ts';
import './email-card.ts';
import { theme } from './theme.styles.ts';
import { workedExampleStyles } from './worked-example.styles.ts';

type LessonStrings = UiStrings['lesson'];

/**
 * A worked example: the email before and after a rewrite, side by side where there is room and
 * one after the other where there is not, each with its score from the analyzer (the same checks
 * that mark the learner's rewrites), then the list of what changed and why it helps.
 *
 * Properties: `example`, `taught` (the checks the lesson teaches: they weigh most in the
 * scores, as in the lesson's rubrics), `strings` (the `lesson` wording), `headingLevel` (attribute
 * `heading-level`, default 2; the emails and the list of changes sit one level below).
 * Slots and CSS parts: none; style it through the `--ee-*` theme properties. Fires no events.
 */
@customElement('worked-example')
export class WorkedExample extends LitElement {
  static override styles = [theme, workedExampleStyles];

  @property({ attribute: false }) example: Example | null = null;
  @property({ attribute: false }) taught: readonly CheckId[] = [];
  @property({ attribute: false }) strings: LessonStrings | null = null;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Scores of the before and after emails; null where the analysis failed. */
  @state() private scores: { before: number | null; after: number | null } = { before: null, after: null };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('example') || changed.has('taught')) {
      const example = this.example;
      this.scores = example
        ? { before: scoreOf(example, example.before, this.taught), after: scoreOf(example, example.after, this.taught) }
        : { before: null, after: null };
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const { example, strings } = this;
    if (!example || !strings) return nothing;
    const level = clampLevel(this.headingLevel);
    const subLevel = Math.min(level + 1, 6);
    return html`
      <div class="title" role="heading" aria-level=${level}>
        <span class="eyebrow">${strings.exampleHeading}<span class="visually-hidden">: </span></span>
        <span class="title-text">${example.title}</span>
      </div>
      ${this.scores.before !== null || this.scores.after !== null
        ? html`<p class="score-note">${strings.scoreNote}</p>`
        : nothing}
      <div class="emails">
        ${this.renderEmail(strings.beforeHeading, example.before, this.scores.before, subLevel, 'before')}
        ${this.renderEmail(strings.afterHeading, example.after, this.scores.after, subLevel, 'after')}
      </div>
      <div class="changes-heading" role="heading" aria-level=${subLevel}>${strings.changesHeading}</div>
      <ol class="changes" role="list">
        ${example.changes.map(
          (item) => html`<li class="change">
            <p><span class="label">${strings.changeLabel}:</span> ${item.change}</p>
            <p><span class="label">${strings.whyLabel}:</span> ${item.why}</p>
          </li>`,
        )}
      </ol>
    `;
  }

  private renderEmail(
    heading: string,
    email: Email,
    score: number | null,
    level: number,
    which: 'before' | 'after',
  ): TemplateResult {
    const strings = this.strings!;
    return html`<email-card
      class=${which}
      .heading=${heading}
      .headingLevel=${level}
      .subject=${email.subject}
      .body=${email.body}
      .subjectLabel=${strings.subjectLabel}
      .noSubjectText=${strings.noSubject}
    >
      ${score === null
        ? nothing
        : html`<p class="badge" data-email=${which}>
            <span aria-hidden="true">${format(strings.scoreBadge, { score })}</span>
            <span class="visually-hidden">${format(strings.scoreBadgeSpoken, { score })}</span>
          </p>`}
    </email-card>`;
  }
}

/** The analyzer's overall score, 0–100; null if the analysis throws (no badge is better than a wrong one). */
function scoreOf(example: Example, email: Email, taught: readonly CheckId[]): number | null {
  try {
    const { score } = scoreWorkedExample(example, email, taught);
    return Math.round(Math.min(Math.max(score, 0), 100));
  } catch (error) {
    console.error('The worked example could not be scored:', error);
    return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'worked-example': WorkedExample;
  }
}
