import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { AnalysisResult } from '../analyzer/index.ts';
import { scoreSummaryStyles } from './score-summary.styles.ts';
import { theme } from './theme.styles.ts';

/** What the summary shows: a friendly prompt, a score, or a calm error. */
export type SummaryStatus = 'empty' | 'ready' | 'error';

/**
 * The overall score (0–100) and how many checks passed, need work or do not apply.
 *
 * The whole summary is a polite live region, so a screen reader hears the new score when it
 * changes. The element announces whatever it is given: set `result` only once analysis has
 * settled (the practice page sets it after its debounce), never on each keystroke.
 * Slots and CSS parts: none; style it through the `--ee-*` theme properties. Fires no events.
 */
@customElement('score-summary')
export class ScoreSummary extends LitElement {
  static override styles = [theme, scoreSummaryStyles];

  @property({ attribute: false }) result: AnalysisResult | null = null;
  @property() status: SummaryStatus = 'empty';

  protected override render(): TemplateResult {
    return html`<div class="summary" role="status" aria-live="polite" aria-atomic="true">
      ${this.renderContent()}
    </div>`;
  }

  private renderContent(): TemplateResult {
    if (this.status === 'error') {
      return html`<p class="error">
        Sorry, this email could not be checked just now. Your text is still here: keep editing and
        the checks will try again.
      </p>`;
    }
    if (this.status === 'empty' || !this.result) {
      return html`<p class="empty">Write your email first. Your score appears here as you type.</p>`;
    }
    const score = Math.round(Math.min(Math.max(this.result.score, 0), 100));
    const applicable = this.result.checks.filter((check) => check.applicable);
    const passed = applicable.filter((check) => check.passed).length;
    const needWork = applicable.length - passed;
    const notApplicable = this.result.checks.length - applicable.length;
    return html`
      <p class="score">
        <span class="visually-hidden">Score: </span><span class="number">${score}</span>
        <span class="out-of">out of 100.</span>
      </p>
      <span class="gauge" aria-hidden="true"><span class="fill" style=${styleMap({ inlineSize: `${score}%` })}></span></span>
      <p class="counts">
        ${count(passed, 'check passed', 'checks passed')}, ${count(needWork, 'needs work', 'need work')},
        ${count(notApplicable, 'does not apply', 'do not apply')}.
      </p>
    `;
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'score-summary': ScoreSummary;
  }
}
