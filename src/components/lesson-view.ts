import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Lesson } from '../content/schema.ts';
import { format } from '../content/strings/format.ts';
import type { UiStrings } from '../content/strings/index.ts';
import { lessonViewStyles } from './lesson-view.styles.ts';
import { renderMarkdown } from './markdown.ts';
import { theme } from './theme.styles.ts';

/**
 * A lesson's teaching part: its title as the page's main heading (`<h1>`) with the time it
 * takes, what the learner will be able to do, the reading, and the worked example. The lesson's
 * activities (knowledge checks, rewrites, reflection) go in the default slot, after all that;
 * give their headings level 2.
 *
 * Properties: `lesson`, `strings` (the `lesson` wording).
 * Methods: `focusHeading()` moves focus to the title, e.g. after navigating to the lesson.
 *
 * @slot - The lesson's activities.
 * CSS parts: none; style it through the `--ee-*` theme properties. Fires no events.
 */
@customElement('lesson-view')
export class LessonView extends LitElement {
  static override styles = [theme, lessonViewStyles];

  @property({ attribute: false }) lesson: Lesson | null = null;
  @property({ attribute: false }) strings: UiStrings['lesson'] | null = null;

  @query('h1') private headingElement!: HTMLHeadingElement | null;

  /** Focuses the lesson's title, once it is rendered; the title is not in the tab order. */
  focusHeading(options?: FocusOptions): void {
    if (this.headingElement) {
      this.headingElement.focus(options);
      return;
    }
    void this.updateComplete.then(() => this.headingElement?.focus(options));
  }

  protected override render(): TemplateResult | typeof nothing {
    const { lesson, strings } = this;
    if (!lesson || !strings) return nothing;
    return html`
      <header class="header">
        <h1 tabindex="-1">${lesson.title}</h1>
        ${lesson.minutes > 0
          ? html`<p class="minutes">
              ${lesson.minutes === 1
                ? strings.durationOne
                : format(strings.durationMany, { minutes: lesson.minutes.toLocaleString('en') })}
            </p>`
          : nothing}
      </header>

      ${lesson.objectives.length > 0
        ? html`<section class="objectives">
            <h2 id="objectives-heading">${strings.objectivesHeading}</h2>
            <p>${strings.objectivesIntro}</p>
            <ul>
              ${lesson.objectives.map((objective) => html`<li>${objective.text}</li>`)}
            </ul>
          </section>`
        : nothing}

      ${lesson.reading.trim()
        ? html`<section class="reading">
            <h2 id="reading-heading">${strings.readingHeading}</h2>
            <div class="prose">${renderMarkdown(lesson.reading)}</div>
          </section>`
        : nothing}

      ${lesson.example
        ? html`<section class="example">
            <worked-example
              .example=${lesson.example}
              .taught=${lesson.objectives.flatMap((o) => (o.check ? [o.check] : []))}
              .strings=${strings}
              heading-level="2"
            ></worked-example>
          </section>`
        : nothing}

      <div class="activities"><slot></slot></div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-view': LessonView;
  }
}
