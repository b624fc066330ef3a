import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { analyzeEmail } from '../analyzer/index.ts';
import type { AnalysisResult, EmailInput } from '../analyzer/index.ts';
import type { UiStrings } from '../content/strings/index.ts';
import './check-list.ts';
import type { FindingSelectEvent } from './check-list.ts';
import './email-editor.ts';
import type { EmailChangeEvent, EmailEditor } from './email-editor.ts';
import { practicePageStyles } from './practice-page.styles.ts';
import './score-summary.ts';
import type { SummaryStatus } from './score-summary.ts';
import { theme } from './theme.styles.ts';

/** Scores one email; the analyzer by default, replaceable for an exercise or a test. */
export type Analyze = (input: EmailInput) => AnalysisResult;

/**
 * Free practice: the learner writes an email and sees the analysis as they type.
 *
 * Owns the email being written and runs the analysis in this tab (nothing is sent or stored),
 * `debounceMs` after the last edit, so typing never waits for it and the score is announced
 * once per pause, not per keystroke. An empty email shows a prompt rather than failures; an
 * analysis that throws shows a calm message and keeps the text.
 * Properties: `strings` (`UiStrings['analysis']`, passed down to the editor, score and checks;
 * without it the page renders nothing), `analyze`, `debounceMs` (`debounce-ms`).
 * Slots, events and CSS parts: none; style it through the `--ee-*` theme properties.
 */
@customElement('practice-page')
export class PracticePage extends LitElement {
  static override styles = [theme, practicePageStyles];

  @property({ attribute: false }) strings: UiStrings['analysis'] | null = null;
  @property({ attribute: false }) analyze: Analyze = analyzeEmail;
  @property({ type: Number, attribute: 'debounce-ms' }) debounceMs = 150;

  @state() private email: EmailInput = { subject: '', body: '' };
  /** The text the current result was computed from: quotes and offsets refer to it. */
  @state() private analyzed: EmailInput = { subject: '', body: '' };
  @state() private result: AnalysisResult | null = null;
  @state() private status: SummaryStatus = 'empty';

  @query('email-editor') private editor!: EmailEditor | null;

  private timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.strings;
    if (!s) return nothing;
    const { subject, body, context } = this.email;
    return html`
      <div class="page">
        <header class="intro">
          <h1>${s.practiceHeading}</h1>
          <p>${s.practiceIntro}</p>
          <p class="privacy">${s.practicePrivacy}</p>
        </header>

        <div class="layout">
          <section class="panel" aria-labelledby="email-heading">
            <h2 id="email-heading">${s.emailHeading}</h2>
            <email-editor
              .strings=${s}
              .subject=${subject}
              .body=${body}
              .kind=${context?.kind ?? ''}
              .audience=${context?.audience ?? ''}
              .result=${this.result}
              @email-change=${this.handleEmailChange}
            ></email-editor>
          </section>

          <div class="results">
            <section class="panel" aria-labelledby="score-heading">
              <h2 id="score-heading">${s.scoreHeading}</h2>
              <score-summary .strings=${s} .result=${this.result} .status=${this.status}></score-summary>
            </section>
            <section class="panel" aria-labelledby="checks-heading">
              <h2 id="checks-heading">${s.checksHeading}</h2>
              <check-list
                .strings=${s}
                .result=${this.result}
                .subject=${this.analyzed.subject}
                .body=${this.analyzed.body}
                @finding-select=${this.handleFindingSelect}
              ></check-list>
            </section>
          </div>
        </div>
      </div>
    `;
  }

  private handleEmailChange(event: EmailChangeEvent): void {
    this.email = event.email;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runAnalysis(), this.debounceMs);
  }

  private handleFindingSelect(event: FindingSelectEvent): void {
    const { field, start, end } = event.finding;
    this.editor?.selectRange(field, start, end);
  }

  private runAnalysis(): void {
    const email = this.email;
    if (email.subject.trim() === '' && email.body.trim() === '') {
      this.result = null;
      this.status = 'empty';
      return;
    }
    try {
      this.result = this.analyze(email);
      this.analyzed = email;
      this.status = 'ready';
    } catch (error) {
      // The learner sees a calm message; the details are for whoever maintains the analyzer.
      console.error('The email analysis failed:', error);
      this.result = null;
      this.status = 'error';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'practice-page': PracticePage;
  }
}
