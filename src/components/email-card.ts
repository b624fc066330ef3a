import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emailCardStyles } from './email-card.styles.ts';
import { theme } from './theme.styles.ts';

/**
 * One email, read-only: an optional heading, the subject line and the body, with the body's line
 * breaks kept and long words wrapped. Subject and body each take their own text direction
 * (`dir="auto"`), so right-to-left text reads correctly. All text is shown as text.
 *
 * Properties: `heading`, `headingLevel` (attribute `heading-level`, default 3), `subject`,
 * `body`, and the wording `subjectLabel` (e.g. "Subject", shown as "Subject: …") and
 * `noSubjectText` (shown when the subject is empty, e.g. "(no subject)").
 *
 * @slot - Shown under the heading, e.g. a score badge.
 * @csspart heading - The heading.
 * @csspart subject - The subject line.
 * @csspart body - The body.
 * Fires no events.
 */
@customElement('email-card')
export class EmailCard extends LitElement {
  static override styles = [theme, emailCardStyles];

  @property() heading = '';
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  @property() subject = '';
  @property() body = '';
  @property({ attribute: 'subject-label' }) subjectLabel = '';
  @property({ attribute: 'no-subject-text' }) noSubjectText = '';

  protected override render(): TemplateResult {
    const subject = this.subject.trim();
    return html`
      ${this.heading
        ? html`<div class="heading" part="heading" role="heading" aria-level=${clampLevel(this.headingLevel)}>
            ${this.heading}
          </div>`
        : nothing}
      <slot></slot>
      <div class="email">
        <p class="subject" part="subject">
          ${this.subjectLabel ? html`<span class="label">${this.subjectLabel}:</span> ` : nothing}${subject
            ? html`<span class="subject-text" dir="auto">${subject}</span>`
            : html`<span class="subject-text empty">${this.noSubjectText}</span>`}
        </p>
        <!-- No whitespace inside: the body keeps its white space. -->
        <div class="body" part="body" dir="auto">${this.body.replace(/\s+$/, '')}</div>
      </div>
    `;
  }
}

/** A heading level that ARIA accepts (1–6); anything else falls back to 3. */
export function clampLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(Math.max(level, 1), 6) : 3;
}

declare global {
  interface HTMLElementTagNameMap {
    'email-card': EmailCard;
  }
}
