import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { AnalysisResult } from '../analyzer/index.ts';
import { format } from '../content/strings/format.ts';
import type { UiStrings } from '../content/strings/index.ts';
import { barStyles } from './shared.styles.ts';
import { scoreSummaryStyles } from './score-summary.styles.ts';
import { theme } from './theme.styles.ts';

/** What the summary shows: a friendly prompt, a score, or a calm error. */
export type SummaryStatus = 'empty' | 'ready' | 'error';

type AnalysisStrings = UiStrings['analysis'];

/**
 * The overall score (0–100) and how many checks passed, need work or do not apply.
 *
 * The whole summary is a polite live region, so a screen reader hears the new score when it
 * changes. The element announces whatever it is given: set `result` only once analysis has
 * settled (the practice page sets it after its debounce), never on each keystroke.
 * Properties: `result`, `status`, `strings` (`UiStrings['analysis']`; without it the element
 * renders nothing).
 * Slots and CSS parts: none; style it through the `--ee-*` theme properties. Fires no events.
 */
@customElement('score-summary')
export class ScoreSummary extends LitElement {
  static override styles = [theme, barStyles, scoreSummaryStyles];

  @property({ attribute: false }) result: AnalysisResult | null = null;
  @property() status: SummaryStatus = 'empty';
  @property({ attribute: false }) strings: AnalysisStrings | null = null;

  protected override render(): TemplateResult | typeof nothing {
    const s = this.strings;
    if (!s) return nothing;
    return html`<div class="summary" role="status" aria-live="polite" aria-atomic="true">
      ${this.renderContent(s)}
    </div>`;
  }

  private renderContent(s: AnalysisStrings): TemplateResult {
    if (this.status === 'error') return html`<p class="error">${s.scoreError}</p>`;
    if (this.status === 'empty' || !this.result) return html`<p class="empty">${s.scoreEmpty}</p>`;
    const score = Math.round(Math.min(Math.max(this.result.score, 0), 100));
    const applicable = this.result.checks.filter((check) => check.applicable);
    const passed = applicable.filter((check) => check.passed).length;
    const needWork = applicable.length - passed;
    const notApplicable = this.result.checks.length - applicable.length;
    return html`
      <p class="score">
        <span class="visually-hidden">${s.scoreLabel} </span><span class="number">${score}</span>
        <span class="out-of">${s.scoreOutOf}</span>
      </p>
      <span class="bar gauge" aria-hidden="true"><span class="fill" style=${styleMap({ inlineSize: `${score}%` })}></span></span>
      <p class="counts">
        ${format(s.counts, {
          passed: count(passed, s.countPassedOne, s.countPassedMany),
          failed: count(needWork, s.countFailedOne, s.countFailedMany),
          notApplicable: count(notApplicable, s.countNotApplicableOne, s.countNotApplicableMany),
        })}
      </p>
    `;
  }
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? one : format(many, { n });
}

declare global {
  interface HTMLElementTagNameMap {
    'score-summary': ScoreSummary;
  }
}
