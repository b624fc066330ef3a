import { checkState, stateIcon } from './check-state.ts';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import type { AnalysisResult, CheckId, Finding } from '../analyzer/index.ts';
import type { AttemptRecord } from '../content/progress.ts';
import { scoreAgainstRubric, type RubricResult } from '../content/rubric.ts';
import type { Email, Scenario } from '../content/schema.ts';
import { format } from '../content/strings/format.ts';
import type { UiStrings } from '../content/strings/index.ts';
import { checkLabel } from './check-appearance.ts';
import './check-list.ts';
import { excerptOf, type FindingSelectEvent } from './check-list.ts';
import './email-card.ts';
import './email-editor.ts';
import type { EmailChangeEvent, EmailEditor } from './email-editor.ts';
import { rewriteExerciseStyles } from './rewrite-exercise.styles.ts';
import { barStyles, buttonStyles } from './shared.styles.ts';
import { checkAppearanceStyles, theme } from './theme.styles.ts';

type ExerciseStrings = UiStrings['exercise'];
type AnalysisStrings = UiStrings['analysis'];

/** The exercise machine's states that the learner sees (src/flows/exercise.ts). */
export type ExercisePhase = 'reading' | 'drafting' | 'feedback' | 'passed' | 'exhausted';

const HEADING_TAGS: readonly StaticValue[] = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

/** Fired when the learner has read the scenario and starts rewriting. */
export class ExerciseStartEvent extends Event {
  static readonly eventName = 'exercise-start';

  constructor() {
    super(ExerciseStartEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired on each edit of the draft (never for property sets). */
export class DraftChangeEvent extends Event {
  static readonly eventName = 'draft-change';
  readonly draft: Email;

  constructor(draft: Email) {
    super(DraftChangeEvent.eventName, { bubbles: true, composed: true });
    this.draft = draft;
  }
}

/** Fired when the learner asks for the next hint. */
export class HintRequestEvent extends Event {
  static readonly eventName = 'hint-request';

  constructor() {
    super(HintRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the learner submits the draft for marking; `draft` is the text submitted. */
export class ExerciseSubmitEvent extends Event {
  static readonly eventName = 'exercise-submit';
  readonly draft: Email;

  constructor(draft: Email) {
    super(ExerciseSubmitEvent.eventName, { bubbles: true, composed: true });
    this.draft = draft;
  }
}

/** Fired when the learner goes back to the draft after feedback. */
export class ExerciseReviseEvent extends Event {
  static readonly eventName = 'exercise-revise';

  constructor() {
    super(ExerciseReviseEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the learner moves on after passing or seeing the model answer. */
export class ExerciseContinueEvent extends Event {
  static readonly eventName = 'exercise-continue';

  constructor() {
    super(ExerciseContinueEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * One rewrite exercise, as the exercise machine's state says: the scenario's situation and the
 * email to rewrite, then by phase the "Start rewriting" button; the editor with live checks,
 * hints and Submit; feedback on the last attempt; the pass message; or, with attempts used up,
 * the model answer beside the learner's last draft.
 *
 * Presentational: it owns no machine. It runs the analyzer itself on the draft (the scenario's
 * kind, audience and rubric weights), `debounceMs` after the last edit, and shows only the
 * rubric's checks. Scores, hints and the pass message are announced in a polite live region;
 * focus moves to the new heading when the phase changes, and to the editor when drafting starts.
 *
 * Properties: `scenario`, `strings` (`UiStrings['exercise']`), `analysisStrings`
 * (`UiStrings['analysis']`: the check names, and the wording of the editor and the list of checks
 * it shows), `phase`, `draft`, `attempts`,
 * `maxAttempts` (`max-attempts`), `hintsShown` (`hints-shown`), `canHint` (`can-hint`),
 * `lastResult` (the analysis of the last submitted draft), `headingLevel` (`heading-level`,
 * default 2: the title; sections go one deeper), `debounceMs` (`debounce-ms`, default 200).
 * The inner editor's `email-change` stays inside; listen for `draft-change`.
 * Slots and CSS parts: none; style it through the `--ee-*` theme properties.
 *
 * @fires exercise-start - `ExerciseStartEvent` from "Start rewriting".
 * @fires draft-change - `DraftChangeEvent` with `draft` after each edit.
 * @fires hint-request - `HintRequestEvent` from "Show a hint".
 * @fires exercise-submit - `ExerciseSubmitEvent` with `draft` from Submit (never for a blank draft).
 * @fires exercise-revise - `ExerciseReviseEvent` from "Revise my email".
 * @fires exercise-continue - `ExerciseContinueEvent` from "Continue".
 */
@customElement('rewrite-exercise')
export class RewriteExercise extends LitElement {
  static override styles = [theme, buttonStyles, barStyles, checkAppearanceStyles, rewriteExerciseStyles];

  @property({ attribute: false }) scenario: Scenario | null = null;
  @property({ attribute: false }) strings!: ExerciseStrings;
  @property({ attribute: false }) analysisStrings: AnalysisStrings | null = null;
  @property() phase: ExercisePhase = 'reading';
  @property({ attribute: false }) draft: Email = { subject: '', body: '' };
  @property({ attribute: false }) attempts: readonly AttemptRecord[] = [];
  @property({ type: Number, attribute: 'max-attempts' }) maxAttempts = 3;
  @property({ type: Number, attribute: 'hints-shown' }) hintsShown = 0;
  @property({ type: Boolean, attribute: 'can-hint' }) canHint = false;
  @property({ attribute: false }) lastResult: AnalysisResult | null = null;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  @property({ type: Number, attribute: 'debounce-ms' }) debounceMs = 200;

  /** The text in the editor: the draft as last set or typed. */
  @state() private current: Email = { subject: '', body: '' };
  /** The text the live result was computed from: quotes and offsets refer to it. */
  @state() private analyzed: Email = { subject: '', body: '' };
  @state() private liveResult: AnalysisResult | null = null;
  /** The live draft marked as a submission would be: the verdict the pass-rule sentence states. */
  @state() private liveVerdict: Pick<RubricResult, 'passed' | 'failedChecks'> | null = null;
  @state() private liveFailed = false;
  @state() private announcement = '';

  @query('email-editor') private editor?: EmailEditor;

  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set when the learner asked for a hint, so the new hint can take focus if the button goes. */
  private hintRequested = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draft') && !sameEmail(this.draft, this.current)) {
      this.current = { subject: this.draft.subject, body: this.draft.body };
      if (this.phase === 'drafting') this.scheduleAnalysis();
    }
    if ((changed.has('phase') || changed.has('scenario')) && this.phase === 'drafting') {
      // Entering the draft shows its checks at once; later edits wait for a pause in typing.
      clearTimeout(this.timer);
      this.runAnalysis();
    }
    if (changed.has('phase') && this.phase !== 'drafting') clearTimeout(this.timer);

    const oldPhase = changed.get('phase');
    if (changed.has('phase') && oldPhase !== undefined) this.announcement = this.phaseAnnouncement();
    const oldHints = changed.get('hintsShown');
    if (changed.has('hintsShown') && oldHints !== undefined && this.hintsShown > oldHints) {
      const text = this.scenario?.hints[this.hintsShown - 1];
      if (text) this.announcement = format(this.strings.hintAnnouncement, { n: this.hintsShown, text });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const oldPhase = changed.get('phase');
    if (changed.has('phase') && oldPhase !== undefined && oldPhase !== this.phase) {
      if (this.phase === 'drafting') void this.focusEditor();
      else this.renderRoot.querySelector<HTMLElement>('.phase-heading')?.focus();
    }
    if (changed.has('hintsShown') && this.hintRequested) {
      this.hintRequested = false;
      // The button goes once every hint is out; the newest hint takes focus so it is not lost.
      if (!this.renderRoot.querySelector('.hint-button')) {
        this.renderRoot.querySelector<HTMLElement>('.hints li:last-child')?.focus();
      }
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const scenario = this.scenario;
    const s = this.strings;
    if (!scenario || !s || !this.analysisStrings) return nothing;
    const { context } = scenario;
    return html`<article class="exercise" aria-labelledby="title">
      ${this.heading(0, scenario.title, { id: 'title', className: 'title' })}
      <div class="brief">
        <section class="situation" aria-labelledby="situation-heading">
          ${this.heading(1, s.contextHeading, { id: 'situation-heading' })}
          <dl>
            <div><dt>${s.contextYou}</dt><dd dir="auto">${context.you}</dd></div>
            <div><dt>${s.contextReader}</dt><dd dir="auto">${context.reader}</dd></div>
            <div><dt>${s.contextNeed}</dt><dd dir="auto">${context.need}</dd></div>
            <div><dt>${s.contextWhy}</dt><dd dir="auto">${context.why}</dd></div>
          </dl>
        </section>
        <email-card
          class="original"
          heading=${s.originalHeading}
          heading-level=${this.level(1)}
          subject-label=${s.subjectLabel}
          no-subject-text=${s.noSubject}
          .subject=${scenario.original.subject}
          .body=${scenario.original.body}
        ></email-card>
      </div>
      ${this.renderPhase(scenario)}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </article>`;
  }

  private renderPhase(scenario: Scenario): TemplateResult {
    switch (this.phase) {
      case 'reading':
        return this.renderReading();
      case 'drafting':
        return this.renderDrafting(scenario);
      case 'feedback':
        return this.renderFeedback(scenario);
      case 'passed':
        return this.renderPassed(scenario);
      case 'exhausted':
        return this.renderExhausted(scenario);
    }
  }

  private renderReading(): TemplateResult {
    const s = this.strings;
    return html`<div class="phase reading">
      <p class="intro">${s.readingIntro}</p>
      <p class="actions">
        <button type="button" class="button primary" @click=${this.handleStartClick}>${s.start}</button>
      </p>
    </div>`;
  }

  private renderDrafting(scenario: Scenario): TemplateResult {
    const s = this.strings;
    const blank = isBlank(this.current);
    const attemptNumber = Math.min(this.attempts.length + 1, Math.max(this.maxAttempts, 1));
    return html`<div class="phase drafting workspace">
      <section class="panel draft" aria-labelledby="draft-heading">
        ${this.heading(1, s.draftHeading, { id: 'draft-heading' })}
        <p class="attempt">${format(s.attemptOf, { n: attemptNumber, max: this.maxAttempts })}</p>
        <email-editor
          hide-context
          .strings=${this.analysisStrings}
          .kind=${scenario.kind}
          .audience=${scenario.audience}
          .subject=${this.current.subject}
          .body=${this.current.body}
          .result=${this.liveResult}
          @email-change=${this.handleEmailChange}
        ></email-editor>
        <div class="actions">
          <button
            type="button"
            class="button primary submit"
            ?disabled=${blank}
            aria-describedby=${blank ? 'submit-note' : nothing}
            @click=${this.handleSubmitClick}
          >
            ${s.submit}
          </button>
          ${blank ? html`<p id="submit-note" class="note">${s.submitNeedsText}</p>` : nothing}
        </div>
      </section>
      <div class="side">
        <section class="panel live" aria-labelledby="live-heading">
          ${this.heading(1, s.liveHeading, { id: 'live-heading' })}
          <p class="note">${s.liveNote}</p>
          ${this.renderLiveChecks(scenario)}
        </section>
        ${this.renderHints(scenario)}
      </div>
    </div>`;
  }

  private renderLiveChecks(scenario: Scenario): TemplateResult {
    const s = this.strings;
    if (this.liveFailed) return html`<p class="notice">${s.liveError}</p>`;
    if (!this.liveResult) return html`<p class="empty">${s.liveEmpty}</p>`;
    const score = percent(this.liveResult.score);
    return html`<p class="live-score">${this.liveRule(score, scenario.rubric.passScore)}</p>
      ${this.renderScoreBar(score, scenario.rubric.passScore)}
      <check-list
        heading-level=${this.level(2)}
        .strings=${this.analysisStrings}
        .result=${this.liveResult}
        .subject=${this.analyzed.subject}
        .body=${this.analyzed.body}
        @finding-select=${this.handleFindingSelect}
      ></check-list>`;
  }

  private renderHints(scenario: Scenario): TemplateResult {
    const s = this.strings;
    const shown = scenario.hints.slice(0, Math.max(0, this.hintsShown));
    const waitForAttempt = scenario.rubric.hintReveal === 'after-attempt' && this.attempts.length === 0;
    return html`<section class="panel hints" aria-labelledby="hints-heading">
      ${this.heading(1, s.hintsHeading, { id: 'hints-heading' })}
      ${shown.length > 0
        ? html`<ol role="list">
            ${shown.map(
              (hint, index) =>
                html`<li tabindex="-1">
                  <span class="hint-label">${format(s.hintLabel, { n: index + 1 })}:</span>
                  <span dir="auto">${hint}</span>
                </li>`,
            )}
          </ol>`
        : html`<p class="note">${waitForAttempt ? s.hintsAfterAttempt : s.hintsNone}</p>`}
      ${this.canHint
        ? html`<p class="actions">
            <button type="button" class="button secondary hint-button" @click=${this.handleHintClick}>
              ${s.showHint}
            </button>
          </p>`
        : nothing}
    </section>`;
  }

  private renderFeedback(scenario: Scenario): TemplateResult {
    const s = this.strings;
    const last = this.attempts.at(-1);
    const score = percent(last?.score ?? this.lastResult?.score ?? 0);
    const pass = scenario.rubric.passScore;
    const left = Math.max(this.maxAttempts - this.attempts.length, 0);
    const reachedPassMark = score >= pass;
    return html`<div class="phase feedback-phase workspace">
      <section class="panel feedback" aria-labelledby="feedback-heading">
        ${this.heading(1, format(s.feedbackHeading, { n: Math.max(this.attempts.length, 1) }), {
          id: 'feedback-heading',
          className: 'phase-heading',
          focusable: true,
        })}
        <div class="verdict" data-state="failed">
          <p class="verdict-score">${format(s.feedbackScore, { score, pass })}</p>
          ${this.renderScoreBar(score, pass)}
          <p class="verdict-text">
            <span class="icon">${stateIcon('failed')}</span>
            <span>${reachedPassMark ? s.feedbackChecksMustPass : s.feedbackBelowPass}</span>
          </p>
        </div>

        ${this.heading(2, s.rubricHeading, { id: 'rubric-heading' })} ${this.renderRubricChecks(scenario)}

        ${this.heading(2, s.changesHeading, { id: 'changes-heading' })} ${this.renderChanges(scenario)}

        <p class="attempts-left">
          ${left === 1 ? s.attemptsLeftOne : format(s.attemptsLeftMany, { n: left })}
        </p>
        <p class="actions">
          <button type="button" class="button primary" @click=${this.handleReviseClick}>${s.revise}</button>
        </p>
      </section>
      <div class="side">
        <email-card
          heading=${s.submittedHeading}
          heading-level=${this.level(1)}
          subject-label=${s.subjectLabel}
          no-subject-text=${s.noSubject}
          .subject=${this.current.subject}
          .body=${this.current.body}
        ></email-card>
        ${this.renderHints(scenario)}
      </div>
    </div>`;
  }

  /** The rubric's checks on the last attempt: passed or needs work (icon and word), score, message. */
  private renderRubricChecks(scenario: Scenario): TemplateResult {
    const s = this.strings;
    const last = this.attempts.at(-1);
    const rows = scenario.rubric.checks.map((id) => {
      const check = this.lastResult?.checks.find((c) => c.id === id);
      const score = check ? (check.applicable ? percent(check.score * 100) : null) : (last?.checks[id] ?? null);
      return { id, check, score };
    });
    return html`<ul class="rubric" role="list">
      ${rows.map(({ id, check, score }) => {
        const state = check ? checkState(check) : null;
        const word = state === 'passed' ? s.checkPassed : state === 'failed' ? s.checkFailed : state ? s.checkNotApplicable : '';
        return html`<li class="rubric-check" data-check-id=${id} data-state=${state ?? 'unknown'}>
          <span class="icon">${state ? stateIcon(state) : nothing}</span>
          <div>
            <p class="rubric-title">
              <span class="rubric-name">${this.checkName(id)}</span>
              ${word ? html`<span class="state">${word}</span>` : nothing}
              ${score !== null ? html`<span class="rubric-score">${format(s.checkScore, { score })}</span>` : nothing}
            </p>
            ${check?.message ? html`<p class="message">${check.message}</p>` : nothing}
            ${state === 'failed' && check ? this.renderFindings(check.findings) : nothing}
          </div>
        </li>`;
      })}
    </ul>`;
  }

  /**
   * Where a failed check found something in the submitted email, quoted: the check's message
   * may point at "the highlighted" words, and the editor's highlights are not on screen here.
   */
  private renderFindings(findings: readonly Finding[]): TemplateResult | typeof nothing {
    const a = this.analysisStrings;
    const listed = findings.slice(0, FEEDBACK_FINDING_LIMIT);
    if (!a || listed.length === 0) return nothing;
    return html`<ul class="findings" role="list">
      ${listed.map((finding) => {
        const excerpt = excerptOf(finding.field === 'subject' ? this.current.subject : this.current.body, finding.start, finding.end);
        return html`<li class="finding">
          ${excerpt
            ? html`<p class="quote">
                <span class="where">${finding.field === 'subject' ? a.inSubject : a.inBody}:</span>
                <span dir="auto">${format(a.quote, { text: excerpt })}</span>
              </p>`
            : nothing}
          <p class="finding-message">${finding.message}</p>
          ${finding.suggestion ? html`<p class="suggestion"><span class="try">${a.suggestionLabel}</span> ${finding.suggestion}</p>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  /** What changed between the last two attempts: the score and each rubric check. */
  private renderChanges(scenario: Scenario): TemplateResult {
    const s = this.strings;
    const last = this.attempts.at(-1);
    const previous = this.attempts.at(-2);
    if (!last || !previous) return html`<p class="changes-note">${s.changesFirstAttempt}</p>`;
    const lines = scenario.rubric.checks.flatMap((id) => {
      const from = previous.checks[id];
      const to = last.checks[id];
      if (from === undefined || to === undefined) return [];
      const change = to - from;
      const template = change > 0 ? s.checkUp : change < 0 ? s.checkDown : s.checkSame;
      const direction: keyof typeof ARROWS = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
      return [{ id, direction, text: format(template, { check: this.checkName(id), from, to, change: Math.abs(change) }) }];
    });
    return html`<p class="changes-note">${format(s.overallChange, { from: previous.score, to: last.score })}</p>
      ${lines.length > 0
        ? html`<ul class="changes" role="list">
            ${lines.map(
              (line) =>
                html`<li data-check-id=${line.id} data-direction=${line.direction}>
                  <span class="arrow" aria-hidden="true">${ARROWS[line.direction]}</span>${line.text}
                </li>`,
            )}
          </ul>`
        : nothing}`;
  }

  private renderPassed(scenario: Scenario): TemplateResult {
    const s = this.strings;
    const passedAttempt = [...this.attempts].reverse().find((a) => a.passed) ?? this.attempts.at(-1);
    const score = percent(passedAttempt?.score ?? this.lastResult?.score ?? 0);
    const pass = scenario.rubric.passScore;
    const first = this.attempts[0];
    const count = passedAttempt ? this.attempts.indexOf(passedAttempt) + 1 : this.attempts.length;
    return html`<section class="phase panel outcome passed" aria-labelledby="passed-heading">
      ${this.heading(1, s.passedHeading, { id: 'passed-heading', className: 'phase-heading', focusable: true })}
      <div class="verdict" data-state="passed">
        <p class="verdict-text">
          <span class="icon">${stateIcon('passed')}</span>
          <span class="verdict-score">${format(s.passedScore, { score, pass })}</span>
        </p>
        ${this.renderScoreBar(score, pass)}
      </div>
      <p class="improvement">
        ${count <= 1 || !first
          ? s.passedFirstAttempt
          : format(s.passedImproved, { first: percent(first.score), score, n: count })}
      </p>
      <p class="actions">
        <button type="button" class="button primary" @click=${this.handleContinueClick}>${s.continue}</button>
      </p>
    </section>`;
  }

  private renderExhausted(scenario: Scenario): TemplateResult {
    const s = this.strings;
    const pass = scenario.rubric.passScore;
    const best = this.attempts.length > 0 ? Math.max(...this.attempts.map((a) => percent(a.score))) : null;
    const focus = this.checksToWorkOn(scenario).map((id) => this.checkName(id));
    return html`<section class="phase outcome exhausted" aria-labelledby="exhausted-heading">
      ${this.heading(1, s.exhaustedHeading, {
        id: 'exhausted-heading',
        className: 'phase-heading',
        focusable: true,
      })}
      <p class="intro">
        ${best === null ? s.exhaustedNoAttempts : format(s.exhaustedIntro, { max: this.maxAttempts, best, pass })}
      </p>
      <div class="compare">
        <email-card
          class="model"
          heading=${s.modelHeading}
          heading-level=${this.level(2)}
          subject-label=${s.subjectLabel}
          no-subject-text=${s.noSubject}
          .subject=${scenario.model.subject}
          .body=${scenario.model.body}
        ></email-card>
        <email-card
          class="yours"
          heading=${s.yourDraftHeading}
          heading-level=${this.level(2)}
          subject-label=${s.subjectLabel}
          no-subject-text=${s.noSubject}
          .subject=${this.current.subject}
          .body=${this.current.body}
        ></email-card>
      </div>
      <div class="panel takeaway">
        ${this.heading(2, s.takeawayHeading, { id: 'takeaway-heading' })}
        <p>${s.takeawayCompare}</p>
        ${focus.length > 0 ? html`<p class="focus">${format(s.takeawayFocus, { checks: focus.join(', ') })}</p>` : nothing}
      </div>
      <p class="actions">
        <button type="button" class="button primary" @click=${this.handleContinueClick}>${s.continue}</button>
      </p>
    </section>`;
  }

  /**
   * The whole pass rule as it stands for the draft so far, from the same verdict a submission
   * gets (src/content/rubric.ts), so the panel never says "enough" while a marked check fails.
   */
  private liveRule(score: number, pass: number): string {
    const s = this.strings;
    const verdict = this.liveVerdict;
    if (!verdict) return '';
    if (verdict.passed) return format(s.liveRulePasses, { score, pass });
    const failed = verdict.failedChecks.map((id) => this.checkName(id));
    if (failed.length === 0) return format(s.liveRuleBelowPass, { score, pass });
    if (failed.length === 1) return format(s.liveRuleCheckFails, { score, pass, check: failed[0] ?? '' });
    return format(s.liveRuleChecksFail, { score, pass, count: failed.length, checks: failed.join(', ') });
  }

  /** A bar with the pass mark drawn on it; the sentence beside it says the same in words. */
  private renderScoreBar(score: number, pass: number): TemplateResult {
    return html`<span class="bar score-bar" aria-hidden="true">
      <span class="fill" style=${styleMap({ inlineSize: `${percent(score)}%` })}></span>
      <span class="pass-mark" style=${styleMap({ insetInlineStart: `${percent(pass)}%` })}></span>
    </span>`;
  }

  /** A check's name; the element renders only once it has the analysis wording. */
  private checkName(id: CheckId): string {
    return this.analysisStrings ? checkLabel(id, this.analysisStrings.checkNames) : id;
  }

  /** The rubric's checks the last attempt did not pass, for the take-away. */
  private checksToWorkOn(scenario: Scenario): CheckId[] {
    const rubric = scenario.rubric.checks;
    if (this.lastResult) {
      return this.lastResult.checks.filter((c) => rubric.includes(c.id) && c.applicable && !c.passed).map((c) => c.id);
    }
    const last = this.attempts.at(-1);
    if (!last) return [];
    return rubric.filter((id) => (last.checks[id] ?? 100) < scenario.rubric.passScore);
  }

  private phaseAnnouncement(): string {
    const s = this.strings;
    const pass = this.scenario?.rubric.passScore ?? 0;
    const last = this.attempts.at(-1);
    const score = percent(last?.score ?? this.lastResult?.score ?? 0);
    switch (this.phase) {
      case 'feedback':
        return format(s.feedbackAnnouncement, { n: this.attempts.length, score, pass });
      case 'passed':
        return format(s.passedAnnouncement, { score });
      case 'exhausted':
        return format(s.exhaustedAnnouncement, { score });
      default:
        return '';
    }
  }

  private handleStartClick(): void {
    this.dispatchEvent(new ExerciseStartEvent());
  }

  private handleEmailChange(event: EmailChangeEvent): void {
    // The exercise's own event carries the draft; the scenario fixes the editor's context.
    event.stopPropagation();
    this.current = { subject: event.email.subject, body: event.email.body };
    this.dispatchEvent(new DraftChangeEvent({ ...this.current }));
    this.scheduleAnalysis();
  }

  private handleFindingSelect(event: FindingSelectEvent): void {
    const { field, start, end } = event.finding;
    this.editor?.selectRange(field, start, end);
  }

  private handleHintClick(): void {
    this.hintRequested = true;
    this.dispatchEvent(new HintRequestEvent());
  }

  private handleSubmitClick(): void {
    if (isBlank(this.current)) return;
    this.dispatchEvent(new ExerciseSubmitEvent({ ...this.current }));
  }

  private handleReviseClick(): void {
    this.dispatchEvent(new ExerciseReviseEvent());
  }

  private handleContinueClick(): void {
    this.dispatchEvent(new ExerciseContinueEvent());
  }

  private scheduleAnalysis(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runAnalysis(), this.debounceMs);
  }

  /** Analyses the current text as the rubric marks it and keeps only the rubric's checks. */
  private runAnalysis(): void {
    const scenario = this.scenario;
    const email = this.current;
    if (!scenario || isBlank(email)) {
      this.liveResult = null;
      this.liveVerdict = null;
      this.liveFailed = false;
      this.analyzed = email;
      return;
    }
    try {
      const marked = scoreAgainstRubric(scenario, email);
      const checks = marked.analysis.checks.filter((check) => scenario.rubric.checks.includes(check.id));
      this.liveResult = { ...marked.analysis, checks };
      this.liveVerdict = { passed: marked.passed, failedChecks: marked.failedChecks };
      this.analyzed = email;
      this.liveFailed = false;
    } catch (error) {
      // The learner sees a calm message and keeps the text; the details are for maintainers.
      console.error('The email analysis failed:', error);
      this.liveResult = null;
      this.liveVerdict = null;
      this.liveFailed = true;
    }
  }

  private async focusEditor(): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    await editor.updateComplete;
    editor.focus();
  }

  /** A heading level `depth` below this element's own, kept within 1–6. */
  private level(depth: number): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 1) + depth, 6);
  }

  private heading(
    depth: number,
    text: string,
    options: { id: string; className?: string; focusable?: boolean },
  ): TemplateResult {
    const tag = HEADING_TAGS[this.level(depth) - 1]!;
    return staticHtml`<${tag}
      id=${options.id}
      class=${options.className ?? nothing}
      tabindex=${options.focusable ? '-1' : nothing}
      dir="auto"
    >${text}</${tag}>`;
  }
}

const ARROWS = { up: '▲', down: '▼', same: '=' } as const;
/** Findings quoted per failed check in the feedback; the editor lists every one on revising. */
const FEEDBACK_FINDING_LIMIT = 5;



function isBlank(email: Email): boolean {
  return email.subject.trim() === '' && email.body.trim() === '';
}

function sameEmail(a: Email, b: Email): boolean {
  return a.subject === b.subject && a.body === b.body;
}

/** A score as a whole number from 0 to 100. */
function percent(score: number): number {
  return Math.round(Math.min(Math.max(Number.isFinite(score) ? score : 0, 0), 100));
}

declare global {
  interface HTMLElementTagNameMap {
    'rewrite-exercise': RewriteExercise;
  }
  interface HTMLElementEventMap {
    'exercise-start': ExerciseStartEvent;
    'draft-change': DraftChangeEvent;
    'hint-request': HintRequestEvent;
    'exercise-submit': ExerciseSubmitEvent;
    'exercise-revise': ExerciseReviseEvent;
    'exercise-continue': ExerciseContinueEvent;
  }
}
