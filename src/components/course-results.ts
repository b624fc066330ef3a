import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import type { UiStrings } from '../content/strings/index.ts';
import { format } from '../content/strings/format.ts';
import type { CourseRewrites, RewriteShown } from '../flows/rewrites.ts';
import { MASTERY_SCORE, type CourseResult, type SkillResult } from '../flows/rules.ts';
import { checkLabel } from './check-appearance.ts';
import { courseResultsStyles } from './course-results.styles.ts';
import { barStyles, buttonStyles } from './shared.styles.ts';
import './email-card.ts';
import { theme } from './theme.styles.ts';
import { stateIcon } from './check-state.ts';

type ResultsStrings = UiStrings['results'];
type AnalysisStrings = UiStrings['analysis'];

/** Where the learner stands against the pass mark. */
export type Verdict = 'passed' | 'not-passed' | 'pending' | 'not-attempted';

const HEADING_TAGS: readonly StaticValue[] = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

/** Fired when the learner asks to go back over the course. */
export class ReviewCourseEvent extends Event {
  static readonly eventName = 'review-course';

  constructor() {
    super(ReviewCourseEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The learner's results at the end of the course: the final assessment score and whether it
 * reaches the pass mark (said in words and with an icon, not by colour alone), the change from
 * the diagnostic rewrite to the final assessment, and a table of every skill (check) with its
 * diagnostic score, final score, change and whether it is mastered; then, with `rewrites`, the
 * learner's first rewrite beside the final assessment's, each with its score on every check.
 * Scores the learner has not earned yet read as "not attempted".
 *
 * Properties: `result` (`CourseResult`), `rewrites` (`CourseRewrites`), `passScore` (`pass-score`, 0–100), `strings`
 * (`UiStrings['results']`), `analysisStrings` (`UiStrings['analysis']`, for the check names; it
 * renders nothing until it has both), `headingLevel` (`heading-level`, default 2; sub-headings
 * go one deeper), `showReview` (`show-review`: shows the "Review the course" button).
 * On narrow screens the table's rows stack, each cell labelled with its column.
 * Slots and CSS parts: none; style it through the `--ee-*` theme properties.
 *
 * @fires review-course - `ReviewCourseEvent` when the learner chooses "Review the course".
 */
@customElement('course-results')
export class CourseResults extends LitElement {
  static override styles = [theme, buttonStyles, barStyles, courseResultsStyles];

  @property({ attribute: false }) result: CourseResult | null = null;
  /** The diagnostic and final assessment rewrites, shown side by side; none when null. */
  @property({ attribute: false }) rewrites: CourseRewrites | null = null;
  @property({ type: Number, attribute: 'pass-score' }) passScore = 0;
  @property({ attribute: false }) strings!: ResultsStrings;
  @property({ attribute: false }) analysisStrings: AnalysisStrings | null = null;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  @property({ type: Boolean, attribute: 'show-review' }) showReview = false;

  /** What the result says about passing; `passed` is null until the course is complete. */
  get verdict(): Verdict {
    const result = this.result;
    if (!result || result.finalScore === null) return 'not-attempted';
    if (result.passed === null) return 'pending';
    return result.passed ? 'passed' : 'not-passed';
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.strings;
    const a = this.analysisStrings;
    if (!s || !a) return nothing;
    return html`<section class="results" aria-labelledby="results-heading">
      ${this.heading(0, s.heading, 'results-heading')} ${this.renderVerdict()} ${this.renderImprovement()}
      ${this.renderSkills(a)} ${this.renderRewrites(a)}
      ${this.showReview
        ? html`<p class="actions">
            <button type="button" class="button" @click=${this.handleReviewClick}>${s.reviewCourse}</button>
          </p>`
        : nothing}
    </section>`;
  }

  private renderVerdict(): TemplateResult {
    const s = this.strings;
    const verdict = this.verdict;
    const finalScore = this.result?.finalScore ?? null;
    const [word, detail] = {
      passed: [s.passed, s.passedDetail],
      'not-passed': [s.notPassed, s.notPassedDetail],
      pending: [s.pending, s.pendingDetail],
      'not-attempted': [s.notAttempted, s.notAttemptedDetail],
    }[verdict];
    return html`<div class="verdict" data-verdict=${verdict}>
      <p class="final-label">${s.finalScoreLabel}</p>
      <p class="final-score">${finalScore === null ? s.notAttempted : format(s.scoreOutOf, { score: percent(finalScore) })}</p>
      <p class="pass-mark">${format(s.passMark, { pass: percent(this.passScore) })}</p>
      <p class="verdict-text">
        <span class="icon">${verdictIcon(verdict)}</span>
        <span><strong class="verdict-word">${word}</strong>. ${detail}</span>
      </p>
    </div>`;
  }

  private renderImprovement(): TemplateResult {
    const s = this.strings;
    const from = this.result?.diagnosticScore ?? null;
    const to = this.result?.finalScore ?? null;
    let sentence: string;
    if (from === null && to === null) sentence = s.notAttemptedDetail;
    else if (from === null) sentence = format(s.improvementNoDiagnostic, { to: percent(to) });
    else if (to === null) sentence = format(s.improvementNoFinal, { from: percent(from) });
    else {
      const change = percent(to) - percent(from);
      const template = change > 0 ? s.improvementUp : change < 0 ? s.improvementDown : s.improvementSame;
      sentence = format(template, { from: percent(from), to: percent(to), change: Math.abs(change) });
    }
    return html`<div class="improvement">
      ${this.heading(1, s.improvementHeading, 'improvement-heading')}
      ${from !== null && to !== null
        ? html`<div class="journey" aria-hidden="true">
            ${this.renderBar(s.columnDiagnostic, from)} ${this.renderBar(s.columnFinal, to)}
          </div>`
        : nothing}
      <p class="improvement-text">${sentence}</p>
    </div>`;
  }

  private renderBar(label: string, score: number): TemplateResult {
    const value = percent(score);
    return html`<div class="journey-row">
      <span class="journey-label">${label}</span>
      <span class="bar"><span class="fill" style=${styleMap({ inlineSize: `${value}%` })}></span></span>
      <span class="journey-value">${value}</span>
    </div>`;
  }

  private renderSkills(a: AnalysisStrings): TemplateResult {
    const s = this.strings;
    const skills = this.result?.skills ?? [];
    // Explicit roles keep the table a table for screen readers when narrow screens restyle it.
    return html`<div class="skills">
      <table role="table" aria-describedby="skills-note">
        <caption>${s.skillsCaption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${s.columnSkill}</th>
            <th role="columnheader" scope="col">${s.columnDiagnostic}</th>
            <th role="columnheader" scope="col">${s.columnFinal}</th>
            <th role="columnheader" scope="col">${s.columnChange}</th>
            <th role="columnheader" scope="col">${s.columnMastered}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${skills.map((skill) => this.renderSkill(a, skill))}
        </tbody>
      </table>
      <p id="skills-note" class="note">${format(s.skillsNote, { mastery: MASTERY_SCORE })}</p>
    </div>`;
  }

  private renderSkill(a: AnalysisStrings, skill: SkillResult): TemplateResult {
    const s = this.strings;
    const attempted = skill.diagnostic !== null || skill.final !== null || skill.overall !== null;
    const mastered = skill.mastered ? s.masteredYes : attempted ? s.masteredNo : s.notAttempted;
    return html`<tr role="row" data-check=${skill.check} data-mastered=${skill.mastered ? 'yes' : 'no'}>
      <th role="rowheader" scope="row">${checkLabel(skill.check, a.checkNames)}</th>
      <td role="cell" data-label=${s.columnDiagnostic} class="score">${this.scoreText(skill.diagnostic)}</td>
      <td role="cell" data-label=${s.columnFinal} class="score">${this.scoreText(skill.final)}</td>
      <td role="cell" data-label=${s.columnChange} class="change">${this.changeText(skill)}</td>
      <td role="cell" data-label=${s.columnMastered} class="mastered">
        <span><span class="mastered-icon">${skill.mastered ? masteredIcon() : nothing}</span>${mastered}</span>
      </td>
    </tr>`;
  }

  /** The first rewrite beside the final assessment's, each with its score and checks. */
  private renderRewrites(a: AnalysisStrings): TemplateResult | typeof nothing {
    const s = this.strings;
    const rewrites = this.rewrites;
    if (!rewrites || (rewrites.diagnostic.length === 0 && rewrites.final.length === 0)) return nothing;
    const column = (heading: string, id: string, list: readonly RewriteShown[]) =>
      html`<section class="rewrite-column" aria-labelledby=${id}>
        ${this.heading(2, heading, id)}
        ${list.length === 0 ? html`<p class="note">${s.notAttempted}</p>` : list.map((r) => this.renderRewrite(a, r))}
      </section>`;
    return html`<div class="rewrites">
      ${this.heading(1, s.rewritesHeading, 'rewrites-heading')}
      <p>${s.rewritesIntro}</p>
      <div class="rewrite-columns">
        ${column(s.columnDiagnostic, 'rewrites-diagnostic', rewrites.diagnostic)} ${column(s.columnFinal, 'rewrites-final', rewrites.final)}
      </div>
    </div>`;
  }

  private renderRewrite(a: AnalysisStrings, rewrite: RewriteShown): TemplateResult {
    const s = this.strings;
    const checks = Object.entries(rewrite.checks) as [SkillResult['check'], number][];
    return html`<email-card
      class="rewrite"
      data-scenario=${rewrite.scenarioId}
      heading=${rewrite.title}
      heading-level=${Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 1) + 3, 6)}
      subject-label=${s.rewriteSubjectLabel}
      no-subject-text=${s.rewriteNoSubject}
      .subject=${rewrite.draft?.subject ?? ''}
      .body=${rewrite.draft?.body ?? s.rewriteNotKept}
    >
      <p class="rewrite-score">${format(s.rewriteScore, { score: percent(rewrite.score) })}</p>
      <ul class="rewrite-checks" role="list">
        ${checks.map(([id, score]) => html`<li data-check=${id}>${format(s.rewriteCheck, { check: checkLabel(id, a.checkNames), score: percent(score) })}</li>`)}
      </ul>
    </email-card>`;
  }

  private scoreText(score: number | null): string {
    return score === null ? this.strings.notAttempted : String(percent(score));
  }

  private changeText(skill: SkillResult): string {
    const s = this.strings;
    if (skill.diagnostic === null || skill.final === null) return s.changeUnknown;
    const change = percent(skill.final) - percent(skill.diagnostic);
    if (change === 0) return s.changeNone;
    return format(change > 0 ? s.changeUp : s.changeDown, { change: Math.abs(change) });
  }

  /** A heading `depth` levels below this element's own, kept within h1–h6. */
  private heading(depth: number, text: string, id: string): TemplateResult {
    const level = Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 1) + depth, 6);
    const tag = HEADING_TAGS[level - 1]!;
    return staticHtml`<${tag} id=${id}>${text}</${tag}>`;
  }

  private handleReviewClick(): void {
    this.dispatchEvent(new ReviewCourseEvent());
  }
}

/** A score as a whole number from 0 to 100. */
function percent(score: number | null): number {
  return Math.round(Math.min(Math.max(score ?? 0, 0), 100));
}

function verdictIcon(verdict: Verdict): TemplateResult {
  if (verdict === 'passed') return stateIcon('passed', 24);
  if (verdict === 'not-passed') return stateIcon('failed', 24);
  // Pending or not attempted: a clock.
  return html`<svg viewBox="0 0 20 20" width="24" height="24" aria-hidden="true" focusable="false">
    <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" stroke-width="1.5" />
    <path d="M10 5.5v5l3 2" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" />
  </svg>`;
}

function masteredIcon(): TemplateResult {
  return html`<svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
    <path d="M4.5 10.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
  </svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'course-results': CourseResults;
  }
  interface HTMLElementEventMap {
    'review-course': ReviewCourseEvent;
  }
}
