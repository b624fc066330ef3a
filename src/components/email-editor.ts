import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import {
  AUDIENCES,
  EMAIL_KINDS,
  type AnalysisResult,
  type Audience,
  type EmailContext,
  type EmailInput,
  type EmailKind,
  type Field,
} from '../analyzer/types.ts';
import { format } from '../content/strings/format.ts';
import type { UiStrings } from '../content/strings/index.ts';
import { emailEditorStyles } from './email-editor.styles.ts';
import { fieldsetStyles } from './shared.styles.ts';
import { segmentText, type HighlightRange } from './highlight-ranges.ts';
import { checkAppearanceStyles, theme } from './theme.styles.ts';

/** Above this many characters in a field, highlights pause so that typing stays smooth. */
export const HIGHLIGHT_TEXT_LIMIT = 100_000;
/** At most this many findings per field are drawn; the check list still lists them all. */
export const HIGHLIGHT_FINDING_LIMIT = 1_000;

type AnalysisStrings = UiStrings['analysis'];

/** Fired when the learner edits the subject, body, kind or audience (never for property sets). */
export class EmailChangeEvent extends Event {
  static readonly eventName = 'email-change';
  readonly email: EmailInput;

  constructor(email: EmailInput) {
    super(EmailChangeEvent.eventName, { bubbles: true, composed: true });
    this.email = email;
  }
}

/**
 * A subject line and body for writing an email, with the analyzer's findings highlighted behind
 * the text, plus the optional kind and audience of the email.
 *
 * Highlights are a mirrored backdrop: a hidden copy of the text, with identical font, padding
 * and wrapping, sits behind the transparent field and marks each finding. Every check has its own
 * colour and underline style (wavy, double, dashed, dotted, solid), so colour is never the only
 * cue. Overlapping findings are split into sibling marks. Very long text pauses highlighting and
 * says so.
 *
 * Properties: `subject`, `body`, `kind`, `audience`, `result`, `highlightLimit`
 * (`highlight-limit`), `hideContext` (`hide-context`: hides the kind and audience choices),
 * `strings` (`UiStrings['analysis']`; without it the element renders nothing).
 * Slots and CSS parts: none; style it through the `--ee-*` theme properties (theme.styles.ts).
 *
 * @fires email-change - `EmailChangeEvent` with `{ subject, body, context }` after each edit.
 */
@customElement('email-editor')
export class EmailEditor extends LitElement {
  static override styles = [theme, fieldsetStyles, checkAppearanceStyles, emailEditorStyles];

  @property() subject = '';
  @property() body = '';
  @property() kind: EmailKind | '' = '';
  @property() audience: Audience | '' = '';
  /**
   * Hides the kind and audience choices, e.g. where a scenario fixes them; `kind` and `audience`
   * still go out with each change.
   */
  @property({ type: Boolean, attribute: 'hide-context' }) hideContext = false;
  /** The analysis whose findings are highlighted; null shows no highlights. */
  @property({ attribute: false }) result: AnalysisResult | null = null;
  @property({ type: Number, attribute: 'highlight-limit' }) highlightLimit = HIGHLIGHT_TEXT_LIMIT;
  @property({ attribute: false }) strings: AnalysisStrings | null = null;

  // Null until the element has its wording and renders.
  @query('#subject') private subjectField!: HTMLInputElement | null;
  @query('#body') private bodyField!: HTMLTextAreaElement | null;
  @query('.backdrop--subject') private subjectBackdrop!: HTMLElement | null;
  @query('.backdrop--body') private bodyBackdrop!: HTMLElement | null;

  private scrollFrame = 0;

  /** Focuses the subject line, like a native control's `focus()`. */
  override focus(options?: FocusOptions): void {
    this.subjectField?.focus(options);
  }

  /** Focuses a field and selects a range of it (UTF-16 offsets), e.g. to show a finding. */
  selectRange(field: Field, start: number, end: number): void {
    const control = field === 'subject' ? this.subjectField : this.bodyField;
    if (!control) return;
    const length = control.value.length;
    const from = Math.min(Math.max(Math.trunc(start) || 0, 0), length);
    const to = Math.min(Math.max(Math.trunc(end) || 0, from), length);
    control.focus();
    control.setSelectionRange(from, to);
    if (field === 'body') this.revealBodyOffset(from);
    this.syncScroll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.scrollFrame);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('result') || changed.has('body') || changed.has('subject')) this.syncScroll();
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.strings;
    if (!s) return nothing;
    const subjectRanges = this.rangesFor('subject');
    const bodyRanges = this.rangesFor('body');
    const paused = this.subject.length > this.highlightLimit || this.body.length > this.highlightLimit;
    const capped = subjectRanges.length > HIGHLIGHT_FINDING_LIMIT || bodyRanges.length > HIGHLIGHT_FINDING_LIMIT;

    return html`
      ${this.hideContext ? nothing : this.renderContext(s)}

      <div class="field">
        <label for="subject">${s.subjectLabel}</label>
        <div class="surface">
          <!-- No whitespace inside: the backdrop keeps white space, as the field does. -->
          <div class="backdrop backdrop--subject" aria-hidden="true" dir="auto">${this.renderHighlights(
            this.subject,
            subjectRanges,
          )}</div>
          <input
            id="subject"
            class="control"
            type="text"
            dir="auto"
            autocomplete="off"
            spellcheck="true"
            .value=${live(this.subject)}
            @input=${this.handleSubjectInput}
            @scroll=${this.handleFieldScroll}
            @keyup=${this.handleFieldScroll}
            @pointerup=${this.handleFieldScroll}
            @select=${this.handleFieldScroll}
            @focus=${this.handleFieldScroll}
            @blur=${this.handleFieldScroll}
          />
        </div>
      </div>

      <div class="field">
        <label for="body">${s.bodyLabel}</label>
        <p class="hint" id="body-hint">${s.bodyHint}</p>
        <div class="surface">
          <!-- No whitespace inside: the backdrop keeps white space, as the field does. -->
          <div class="backdrop backdrop--body" aria-hidden="true" dir="auto">${this.renderHighlights(
            this.body,
            bodyRanges,
          )}</div>
          <textarea
            id="body"
            class="control"
            rows="14"
            dir="auto"
            spellcheck="true"
            aria-describedby="body-hint"
            .value=${live(this.body)}
            @input=${this.handleBodyInput}
            @scroll=${this.handleFieldScroll}
          ></textarea>
        </div>
        <div class="notice" aria-live="polite">${paused
          ? html`<p>${s.highlightsPaused}</p>`
          : capped
            ? html`<p>${format(s.highlightsCapped, { limit: HIGHLIGHT_FINDING_LIMIT.toLocaleString('en') })}</p>`
            : nothing}</div>
      </div>
    `;
  }

  /** The optional kind and audience of the email. */
  private renderContext(s: AnalysisStrings): TemplateResult {
    return html`<fieldset>
      <legend>${s.contextLegend} <span class="optional">${s.contextOptional}</span></legend>
      <div class="context">
        <div>
          <label for="kind">${s.kindLabel}</label>
          <select id="kind" .value=${live(this.kind)} @change=${this.handleKindChange}>
            <option value="" ?selected=${this.kind === ''}>${s.notSpecified}</option>
            ${EMAIL_KINDS.map(
              (kind) => html`<option value=${kind} ?selected=${this.kind === kind}>${s.kindNames[kind]}</option>`,
            )}
          </select>
        </div>
        <div>
          <label for="audience">${s.audienceLabel}</label>
          <select id="audience" .value=${live(this.audience)} @change=${this.handleAudienceChange}>
            <option value="" ?selected=${this.audience === ''}>${s.notSpecified}</option>
            ${AUDIENCES.map(
              (audience) =>
                html`<option value=${audience} ?selected=${this.audience === audience}>
                  ${s.audienceNames[audience]}
                </option>`,
            )}
          </select>
        </div>
      </div>
    </fieldset>`;
  }

  /** Findings of applicable checks for one field, in the order the analyzer gave them. */
  private rangesFor(field: Field): HighlightRange[] {
    const ranges: HighlightRange[] = [];
    for (const check of this.result?.checks ?? []) {
      if (!check.applicable) continue;
      for (const finding of check.findings) {
        if (finding.field === field) ranges.push({ checkId: check.id, start: finding.start, end: finding.end });
      }
    }
    return ranges;
  }

  /**
   * The backdrop's content: linear in the text's length. With nothing to mark, or text too long
   * to mirror cheaply, it stays empty (an empty backdrop needs no text to line up).
   */
  private renderHighlights(text: string, ranges: readonly HighlightRange[]): unknown {
    if (ranges.length === 0 || text.length > this.highlightLimit) return nothing;
    const drawn = ranges.length > HIGHLIGHT_FINDING_LIMIT ? ranges.slice(0, HIGHLIGHT_FINDING_LIMIT) : ranges;
    const segments = segmentText(text, drawn);
    const parts: unknown[] = segments.map((segment) => {
      const slice = text.slice(segment.start, segment.end);
      const [first] = segment.checkIds;
      if (!first) return slice;
      return html`<mark
        data-check=${first}
        data-checks=${segment.checkIds.join(' ')}
        data-start=${segment.start}
        class=${classMap({ overlap: segment.checkIds.length > 1 })}
        >${slice}</mark
      >`;
    });
    // A trailing line break in a field still takes a line; a div needs a character to show it.
    parts.push('\u200b');
    return parts;
  }

  private handleSubjectInput(event: InputEvent): void {
    this.subject = (event.target as HTMLInputElement).value;
    this.emitChange();
    this.handleFieldScroll();
  }

  private handleBodyInput(event: InputEvent): void {
    this.body = (event.target as HTMLTextAreaElement).value;
    this.emitChange();
  }

  private handleKindChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.kind = (EMAIL_KINDS as readonly string[]).includes(value) ? (value as EmailKind) : '';
    this.emitChange();
  }

  private handleAudienceChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.audience = (AUDIENCES as readonly string[]).includes(value) ? (value as Audience) : '';
    this.emitChange();
  }

  /** Keeps the backdrops under their fields; batched to one update per frame. */
  private handleFieldScroll(): void {
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = requestAnimationFrame(() => this.syncScroll());
  }

  private syncScroll(): void {
    if (!this.bodyField || !this.subjectField || !this.bodyBackdrop || !this.subjectBackdrop) return;
    this.bodyBackdrop.scrollTop = this.bodyField.scrollTop;
    this.bodyBackdrop.scrollLeft = this.bodyField.scrollLeft;
    this.subjectBackdrop.scrollLeft = this.subjectField.scrollLeft;
  }

  /** Scrolls the body so the mark starting at `offset` (if highlighted) is in view. */
  private revealBodyOffset(offset: number): void {
    if (!this.bodyBackdrop || !this.bodyField) return;
    const mark = this.bodyBackdrop.querySelector<HTMLElement>(`mark[data-start="${offset}"]`);
    if (!mark) return;
    const top = mark.offsetTop - this.bodyField.clientHeight / 3;
    this.bodyField.scrollTop = Math.max(top, 0);
  }

  private emitChange(): void {
    const context: EmailContext = {};
    if (this.kind) context.kind = this.kind;
    if (this.audience) context.audience = this.audience;
    const email: EmailInput = { subject: this.subject, body: this.body };
    if (context.kind || context.audience) email.context = context;
    this.dispatchEvent(new EmailChangeEvent(email));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'email-editor': EmailEditor;
  }
  interface HTMLElementEventMap {
    'email-change': EmailChangeEvent;
  }
}
