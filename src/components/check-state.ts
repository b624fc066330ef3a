import { html, type TemplateResult } from 'lit';
import type { CheckResult } from '../analyzer/index.ts';

/** How a check came out, as the check list and the rewrite feedback show it. */
export type CheckState = 'passed' | 'failed' | 'not-applicable';

export function checkState(check: CheckResult): CheckState {
  return !check.applicable ? 'not-applicable' : check.passed ? 'passed' : 'failed';
}

/** The state's icon; always paired with the state in words, so it is never the only cue. */
export function stateIcon(state: CheckState, size = 20): TemplateResult {
  switch (state) {
    case 'passed':
      return html`<svg viewBox="0 0 20 20" width=${size} height=${size} aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="9" fill="currentColor" />
        <path d="M5.8 10.4l2.8 2.8 5.6-6.2" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
      </svg>`;
    case 'failed':
      return html`<svg viewBox="0 0 20 20" width=${size} height=${size} aria-hidden="true" focusable="false">
        <path d="M10 1.5l9 16.5H1z" fill="currentColor" stroke="currentColor" stroke-width="1" stroke-linejoin="round" />
        <path d="M10 7.5v4.5" stroke="#fff" stroke-width="2" stroke-linecap="round" />
        <circle cx="10" cy="15" r="1.2" fill="#fff" />
      </svg>`;
    case 'not-applicable':
      return html`<svg viewBox="0 0 20 20" width=${size} height=${size} aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" stroke-width="1.5" />
        <path d="M6 10h8" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>`;
  }
}
