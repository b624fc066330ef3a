import { checkState, stateIcon, type CheckState } from './check-state.ts';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { AnalysisResult, CheckId, CheckResult, Finding } from '../analyzer/index.ts';
import { format } from '../content/strings/format.ts';
import type { UiStrings } from '../content/strings/index.ts';
import { checkLabel } from './check-appearance.ts';
import { checkListStyles } from './check-list.styles.ts';
import { barStyles } from './shared.styles.ts';
import { normaliseRange } from './highlight-ranges.ts';
import { checkAppearanceStyles, theme } from './theme.styles.ts';

/** Findings listed per check; more would make the list unreadable, and the editor marks them. */
export const LISTED_FINDING_LIMIT = 50;
const EXCERPT_LENGTH = 90;

type AnalysisStrings = UiStrings['analysis'];

/** Fired when the learner chooses a finding, to show its text in the editor. */
export class FindingSelectEvent extends Event {
  static readonly eventName = 'finding-select';
  readonly checkId: CheckId;
  readonly finding: Finding;

  constructor(checkId: CheckId, finding: Finding) {
    super(FindingSelectEvent.eventName, { bubbles: true, composed: true });
    this.checkId = checkId;
    this.finding = finding;
  }
}

/**
 * One row per check of an analysis: its name in plain words, passed / needs work / does not
 * apply as an icon and a word, its score as a percentage and a bar, its message, and a
 * collapsible list of its findings (a quote of the text, what is wrong, a suggestion). Each row
 * shows the check's highlight colour and underline, as a key to the editor's marks.
 *
 * `subject` and `body` are the text that was analysed; the quotes are cut from them. `strings`
 * (`UiStrings['analysis']`) is its wording; without it the element renders nothing.
 * Slots and CSS parts: none; style it through the `--ee-*` theme properties.
 *
 * @fires finding-select - `FindingSelectEvent` when the learner chooses a finding's quote.
 */
@customElement('check-list')
export class CheckList extends LitElement {
  static override styles = [theme, barStyles, checkAppearanceStyles, checkListStyles];

  @property({ attribute: false }) result: AnalysisResult | null = null;
  @property({ attribute: false }) strings: AnalysisStrings | null = null;
  @property() subject = '';
  @property() body = '';
  /** The level of each check's name heading, to fit the page it sits in. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  protected override render(): TemplateResult | typeof nothing {
    const s = this.strings;
    if (!s) return nothing;
    if (!this.result) return html`<p class="empty">${s.checksEmpty}</p>`;
    return html`<ul class="checks" role="list">
      ${this.result.checks.map((check, index) => this.renderCheck(s, check, index))}
    </ul>`;
  }

  private renderCheck(s: AnalysisStrings, check: CheckResult, index: number): TemplateResult {
    const stateText: Record<CheckState, string> = {
      passed: s.checkPassed,
      failed: s.checkFailed,
      'not-applicable': s.checkNotApplicable,
    };
    const state = checkState(check);
    const percent = Math.round(Math.min(Math.max(check.score, 0), 1) * 100);
    const findings = check.applicable ? check.findings : [];
    return html`<li class="check" data-state=${state}>
      <span class="icon">${stateIcon(state)}</span>
      <div class="content">
        <div class="title-row">
          <span class="name" role="heading" aria-level=${this.headingLevel}>${checkLabel(check.id, s.checkNames)}</span>
          <span class="key" data-check=${check.id} aria-hidden="true" title=${s.keyTitle}>${s.keySample}</span>
        </div>
        <p class="status">
          <span class="state">${stateText[state]}</span>
          ${check.applicable
            ? html`<span class="percent"
                ><span class="visually-hidden">, ${s.checkScoreLabel} </span>${format(s.checkPercent, { percent })}</span
              >`
            : nothing}
        </p>
        ${check.applicable
          ? html`<span class="bar" aria-hidden="true"
              ><span class="fill" style=${styleMap({ inlineSize: `${percent}%` })}></span
            ></span>`
          : nothing}
        ${check.message ? html`<p class="message">${check.message}</p>` : nothing}
        ${findings.length > 0 ? this.renderFindings(s, index, findings) : nothing}
      </div>
    </li>`;
  }

  private renderFindings(s: AnalysisStrings, checkIndex: number, findings: readonly Finding[]): TemplateResult {
    const listed = findings.slice(0, LISTED_FINDING_LIMIT);
    const count = findings.length;
    return html`<details class="findings">
      <summary>${count === 1 ? s.findingsOne : format(s.findingsMany, { n: count.toLocaleString('en') })}</summary>
      <ol role="list">
        ${listed.map((finding, findingIndex) => this.renderFinding(s, finding, checkIndex, findingIndex))}
      </ol>
      ${count > listed.length ? html`<p class="more">${format(s.findingsMore, { n: listed.length })}</p>` : nothing}
    </details>`;
  }

  private renderFinding(s: AnalysisStrings, finding: Finding, checkIndex: number, findingIndex: number): TemplateResult {
    const excerpt = excerptOf(finding.field === 'subject' ? this.subject : this.body, finding.start, finding.end);
    const where = finding.field === 'subject' ? s.inSubject : s.inBody;
    return html`<li class="finding">
      <p class="where">
        ${where}${excerpt
          ? html`:
              <button
                type="button"
                class="quote"
                data-check-index=${checkIndex}
                data-finding-index=${findingIndex}
                @click=${this.handleFindingClick}
              >
                ${format(s.quote, { text: excerpt })}<span class="visually-hidden"> ${s.quoteAction}</span>
              </button>`
          : nothing}
      </p>
      <p class="finding-message">${finding.message}</p>
      ${finding.suggestion
        ? html`<p class="suggestion"><span class="try">${s.suggestionLabel}</span> ${finding.suggestion}</p>`
        : nothing}
    </li>`;
  }

  private handleFindingClick(event: Event): void {
    const button = event.currentTarget as HTMLElement;
    const check = this.result?.checks[Number(button.dataset['checkIndex'])];
    const finding = check?.findings[Number(button.dataset['findingIndex'])];
    if (check && finding) this.dispatchEvent(new FindingSelectEvent(check.id, finding));
  }
}

/** A short, single-line quote of a finding's text; empty when the range holds no text. */
export function excerptOf(text: string, start: number, end: number): string {
  const span = normaliseRange(text, start, end);
  if (!span) return '';
  // Cut before collapsing spaces, so a finding over a whole 1 MB body stays cheap.
  const raw = text.slice(span[0], Math.min(span[1], span[0] + EXCERPT_LENGTH * 4));
  const chars = Array.from(raw.replace(/\s+/g, ' ').trim());
  return chars.length > EXCERPT_LENGTH || span[1] - span[0] > raw.length
    ? `${chars.slice(0, EXCERPT_LENGTH - 1).join('').trimEnd()}…`
    : chars.join('');
}

declare global {
  interface HTMLElementTagNameMap {
    'check-list': CheckList;
  }
  interface HTMLElementEventMap {
    'finding-select': FindingSelectEvent;
  }
}
