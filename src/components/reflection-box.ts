import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { format } from '../content/strings/format.ts';
import type { UiStrings } from '../content/strings/index.ts';
import { clampLevel } from './email-card.ts';
import { renderMarkdown } from './markdown.ts';
import { reflectionBoxStyles } from './reflection-box.styles.ts';
import { buttonStyles } from './shared.styles.ts';
import { theme } from './theme.styles.ts';

/** The longest note kept, in UTF-16 code units (the textarea's `maxlength`). */
export const REFLECTION_MAX_LENGTH = 4000;

/** Fired when the learner saves their notes. */
export class ReflectionSaveEvent extends Event {
  static readonly eventName = 'reflection-save';
  readonly text: string;

  constructor(text: string) {
    super(ReflectionSaveEvent.eventName, { bubbles: true, composed: true });
    this.text = text;
  }
}

/**
 * An unscored reflection: the prompt, guidance on a good answer, a textarea for the learner's
 * notes and a "Save my notes" button. Saving shows a confirmation in a polite live region;
 * editing again clears it. It says that notes stay private to the learner's course record.
 *
 * Properties: `prompt`, `guidance` (both plain text; blank lines make paragraphs), `text` (the
 * notes; updated as the learner types), `strings` (the `lesson` wording), `headingLevel`
 * (attribute `heading-level`, default 2).
 *
 * @fires reflection-save - `ReflectionSaveEvent` with the notes' `text`.
 * Slots and CSS parts: none; style it through the `--ee-*` theme properties.
 */
@customElement('reflection-box')
export class ReflectionBox extends LitElement {
  static override styles = [theme, buttonStyles, reflectionBoxStyles];

  @property() prompt = '';
  @property() guidance = '';
  @property() text = '';
  @property({ attribute: false }) strings: UiStrings['lesson'] | null = null;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private saved = false;

  protected override render(): TemplateResult | typeof nothing {
    const strings = this.strings;
    if (!strings) return nothing;
    return html`
      <div class="heading" role="heading" aria-level=${clampLevel(this.headingLevel)}>${strings.reflectionHeading}</div>
      ${this.prompt.trim() ? html`<div class="prompt" dir="auto">${renderMarkdown(this.prompt)}</div>` : nothing}
      ${this.guidance.trim() ? html`<div class="guidance" dir="auto">${renderMarkdown(this.guidance)}</div>` : nothing}
      <label for="notes">${strings.notesLabel}</label>
      <p class="hint" id="notes-hint">
        ${strings.notesPrivacy} ${format(strings.notesLimit, { max: REFLECTION_MAX_LENGTH.toLocaleString('en') })}
      </p>
      <textarea
        id="notes"
        rows="8"
        dir="auto"
        spellcheck="true"
        maxlength=${REFLECTION_MAX_LENGTH}
        aria-describedby="notes-hint"
        .value=${live(this.text)}
        @input=${this.handleInput}
      ></textarea>
      <div class="actions">
        <button type="button" class="button" @click=${this.handleSave}>${strings.saveNotes}</button>
        <p class="saved" role="status" aria-live="polite">${this.saved ? strings.notesSaved : nothing}</p>
      </div>
    `;
  }

  private handleInput(event: InputEvent): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    this.saved = false;
  }

  private async handleSave(): Promise<void> {
    const text = limit(this.text, REFLECTION_MAX_LENGTH);
    this.dispatchEvent(new ReflectionSaveEvent(text));
    if (this.saved) {
      // Saving again: clear the confirmation first, so that it is announced again.
      this.saved = false;
      await this.updateComplete;
    }
    this.saved = true;
  }
}

/** Cuts text set from code (the textarea stops typing) to `max`, never through an emoji. */
function limit(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

declare global {
  interface HTMLElementTagNameMap {
    'reflection-box': ReflectionBox;
  }
  interface HTMLElementEventMap {
    'reflection-save': ReflectionSaveEvent;
  }
}
