import { LitElement, html, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { createActor, type ActorRefFrom } from 'xstate';
import type { Lesson, Question, Scenario } from '../content/schema.ts';
import { format } from '../content/strings/format.ts';
import type { UiStrings } from '../content/strings/index.ts';
import type { courseMachine } from '../flows/course.ts';
import type { exerciseMachine } from '../flows/exercise.ts';
import { questionMachine } from '../flows/question.ts';
import { courseRewrites } from '../flows/rewrites.ts';
import { lessonLock } from '../flows/rules.ts';
import { ActorController } from './actor-controller.ts';
import { coursePlayerStyles } from './course-player.styles.ts';
import './knowledge-check.ts';
import type { QuestionSelectEvent } from './knowledge-check.ts';
import './lesson-view.ts';
import type { LessonView } from './lesson-view.ts';
import './reflection-box.ts';
import type { ReflectionSaveEvent } from './reflection-box.ts';
import type { DraftChangeEvent } from './rewrite-exercise.ts';
import { theme } from './theme.styles.ts';

export type CourseActor = ActorRefFrom<typeof courseMachine>;

/** A padlock drawn in SVG: the emoji has no glyph in many corporate fonts. */
const LOCK_ICON = svg`<svg viewBox="0 0 16 16" width="14" height="14" focusable="false"><path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z"/></svg>`;
type ExerciseActor = ActorRefFrom<typeof exerciseMachine>;
type QuestionActor = ActorRefFrom<typeof questionMachine>;

/** Something the learner should know, shown as a dismissible notice. */
export type PlayerNotice = 'storage-unavailable' | 'progress-corrupted' | 'progress-partly-kept' | 'save-failed' | 'lms-unavailable' | 'lms-not-found';

/** Which screen is showing: a lesson, the results, or free practice. */
export type PlayerView = { kind: 'lesson' } | { kind: 'results' } | { kind: 'practice' };

/**
 * The course: an outline of lessons with their status, the current lesson with its activities,
 * next/back, results and free practice. It owns the activity actors (one per question and
 * rewrite of the open lesson) and relays what they report to the course actor it is given;
 * it never talks to an LMS.
 *
 * Properties: `actor` (the course actor, started), `strings` (all UI wording), `notices`.
 * Events: `notice-dismiss` (a `NoticeDismissEvent`).
 * CSS parts: `logo` (the banner logo, drawn from the theme's `--ee-logo-url`).
 */
@customElement('course-player')
export class CoursePlayer extends LitElement {
  static override styles = [theme, coursePlayerStyles];

  @property({ attribute: false }) actor!: CourseActor;
  /** Fetches one lesson's full content (its own chunk in the built course). */
  @property({ attribute: false }) loadLesson!: (id: string) => Promise<Lesson>;
  @property({ attribute: false }) strings!: UiStrings;
  @property({ attribute: false }) notices: PlayerNotice[] = [];
  @property({ attribute: false }) view: PlayerView = { kind: 'lesson' };
  /** Set when the learner came back to a saved position, to greet them once. */
  @property({ type: Boolean }) resumed = false;

  @state() private announcement = '';
  @state() private lessons = new Map<string, Lesson>();
  @state() private lessonError = '';
  /** The analyzer-heavy activities, loaded after the first render. */
  @state() private activities: typeof import('./lesson-activities.ts') | undefined;
  @state() private practiceReady = false;
  /** The results page is seen once, at the end: its element loads when it is first opened. */
  private resultsRequested = false;
  private loading = new Set<string>();
  private activitiesRequested = false;
  private readonly wideScreen = typeof matchMedia === 'function' ? matchMedia('(min-width: 56rem)').matches : true;
  @query('lesson-view') private lessonView?: LessonView;

  private readonly watcher = new ActorController(this);
  private exercises = new Map<string, ExerciseActor>();
  private questions = new Map<string, QuestionActor>();
  private activitiesFor = '';
  private focusOnRender = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.watcher.watch(this.actor);
    window.addEventListener('hashchange', this.handleHashChange);
    this.handleHashChange();
    // On first load the page starts at the top, as screen readers expect; focus moves on navigation.
    this.focusOnRender = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    this.stopActivities();
  }

  private get snapshot() {
    return this.actor.getSnapshot();
  }

  private get currentLessonId(): string | undefined {
    const { course, progress } = this.snapshot.context;
    return (course.lessons.find((l) => l.id === progress.location) ?? course.lessons[0])?.id;
  }

  /** The open lesson's full content, once fetched; starts fetching it otherwise. */
  private get currentLesson(): Lesson | undefined {
    const id = this.currentLessonId;
    if (!id) return undefined;
    const lesson = this.lessons.get(id);
    if (!lesson && !this.loading.has(id)) {
      this.loading.add(id);
      this.loadLesson(id).then(
        (loaded) => {
          this.loading.delete(id);
          this.lessons = new Map(this.lessons).set(id, loaded);
        },
        () => {
          this.loading.delete(id);
          this.lessonError = this.strings.player.loadError;
        },
      );
    }
    return lesson;
  }

  /** Creates the actors for the open lesson's activities, restoring their saved progress. */
  private ensureActivities(lesson: Lesson): void {
    const activities = this.activities;
    if (this.activitiesFor === lesson.id || !activities) return;
    this.stopActivities();
    this.activitiesFor = lesson.id;
    const { course, progress } = this.snapshot.context;
    for (const scenario of lesson.scenarios) {
      const actor = createActor(activities.exerciseMachine, {
        input: {
          scenario,
          maxAttempts: scenario.rubric.maxAttempts ?? course.settings.defaultAttempts,
          courseStartedAt: progress.startedAt,
          prior: progress.exercises[scenario.id],
          now: Date.now(),
        },
      });
      actor.on('exercise.progress', (e) => this.actor.send({ type: 'exercise.recorded', scenarioId: e.scenarioId, progress: e.progress }));
      actor.on('exercise.attempted', (e) =>
        this.actor.send({ type: 'exercise.attempted', scenarioId: e.scenarioId, attempt: e.attempt, attemptNumber: e.attemptNumber, draft: e.draft }),
      );
      this.exercises.set(scenario.id, actor);
      this.watcher.watch(actor);
      actor.start();
    }
    for (const question of lesson.questions) {
      const actor = createActor(questionMachine, { input: { question, prior: progress.questions[question.id], shownAt: Date.now() } });
      actor.on('question.answered', (e) => this.actor.send({ type: 'question.recorded', questionId: e.questionId, progress: e.progress, shownAt: e.shownAt }));
      this.questions.set(question.id, actor);
      this.watcher.watch(actor);
      actor.start();
    }
  }

  private stopActivities(): void {
    for (const a of this.exercises.values()) a.stop();
    for (const a of this.questions.values()) a.stop();
    this.exercises = new Map();
    this.questions = new Map();
    this.watcher.unwatchAll();
    this.watcher.watch(this.actor);
    this.activitiesFor = '';
  }

  private readonly handleHashChange = (): void => {
    const hash = window.location.hash;
    const lessonId = /^#\/lesson\/([A-Za-z0-9_]+)$/.exec(hash)?.[1];
    if (hash === '#/practice') this.view = { kind: 'practice' };
    else if (hash === '#/results') this.view = { kind: 'results' };
    else {
      this.view = { kind: 'lesson' };
      if (lessonId && lessonId !== this.snapshot.context.progress.location) this.openLesson(lessonId);
    }
    this.focusOnRender = true;
  };

  private openLesson(lessonId: string): void {
    this.actor.send({ type: 'lesson.open', lessonId });
    const { progress, refused, course } = this.snapshot.context;
    if (progress.location === lessonId) {
      this.focusOnRender = true;
    } else if (refused) {
      const lesson = course.lessons.find((l) => l.id === lessonId);
      this.announcement = `${lesson?.title ?? ''}: ${refused === 'after-units' ? this.strings.player.lockedAfterUnits : this.strings.player.lockedInOrder}`;
    }
  }

  private handleOutlineClick(event: Event, lessonId: string): void {
    event.preventDefault();
    if (window.location.hash !== `#/lesson/${lessonId}`) window.location.hash = `#/lesson/${lessonId}`;
    else this.openLesson(lessonId);
  }

  private handleNext(): void {
    this.actor.send({ type: 'lesson.next' });
    this.syncHash();
  }

  private handleBack(): void {
    this.actor.send({ type: 'lesson.back' });
    this.syncHash();
  }

  private syncHash(): void {
    const id = this.snapshot.context.progress.location;
    const hash = `#/lesson/${id}`;
    if (window.location.hash !== hash) history.replaceState(null, '', hash);
    this.focusOnRender = true;
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const lesson = this.currentLesson;
    if (this.view.kind === 'lesson' && lesson) this.ensureActivities(lesson);
  }

  /**
   * Fetches the analyzer-heavy activities once a lesson's reading is on the page: compiling the
   * analyzer and scoring worked examples would otherwise hold back the first lesson's render
   * (a performance trace showed them taking most of the time to first lesson).
   */
  private loadActivities(): void {
    if (this.activitiesRequested) return;
    this.activitiesRequested = true;
    const load = () =>
      void import('./lesson-activities.ts').then(
        (module) => (this.activities = module),
        () => (this.lessonError = this.strings.player.loadError),
      );
    // After the next frame is painted (a task queued from an animation frame runs after it);
    // a hidden page paints no frames, so it loads at once.
    if (document.visibilityState === 'hidden') load();
    else requestAnimationFrame(() => setTimeout(load));
  }

  protected override updated(): void {
    if (this.view.kind === 'lesson' && this.lessonView) this.loadActivities();
    if (!this.focusOnRender) return;
    // A lesson still loading has no heading yet: keep the request until it renders.
    const target = this.view.kind === 'lesson' ? this.lessonView : this.renderRoot.querySelector<HTMLElement>('[data-focus-target]');
    if (!target) return;
    this.focusOnRender = false;
    if ('focusHeading' in target) (target as LessonView).focusHeading();
    else target.focus();
  }

  protected override render(): TemplateResult {
    const { course, progress, result } = this.snapshot.context;
    const s = this.strings.player;
    const done = course.lessons.filter((l) => progress.lessons[l.id] === 'completed').length;
    return html`
      <button type="button" class="skip" @click=${this.handleSkip}>${s.skipToContent}</button>
      <header class="banner">
        <span class="logo" part="logo" aria-hidden="true"></span>
        <p class="course-title">${course.title}</p>
        <div class="progress" role="group" aria-label=${s.outlineHeading}>
          <span>${format(s.progressLabel, { done, total: course.lessons.length })}</span>
          <progress max=${course.lessons.length} .value=${done} aria-hidden="true"></progress>
        </div>
        ${this.view.kind === 'practice'
          ? html`<a class="mode" href=${`#/lesson/${progress.location}`}>${s.courseLink}</a>`
          : html`<a class="mode" href="#/practice">${s.practiceLink}</a>`}
      </header>
      ${this.renderNotices()}
      <div class=${this.view.kind === 'practice' ? 'layout single' : 'layout'}>
        ${this.view.kind === 'practice' ? nothing : this.renderOutline(done, result.completed)}
        <main id="main-content" tabindex="-1">${this.renderView()}</main>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private handleSkip(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  private renderNotices(): TemplateResult | typeof nothing {
    if (this.notices.length === 0) return nothing;
    const s = this.strings.player;
    const text: Record<PlayerNotice, string> = {
      'storage-unavailable': s.noticeStorageUnavailable,
      'progress-corrupted': s.noticeProgressCorrupted,
      'progress-partly-kept': s.noticeProgressPartlyKept,
      'save-failed': s.noticeSaveFailed,
      'lms-unavailable': s.noticeLmsUnavailable,
      'lms-not-found': s.noticeLmsNotFound,
    };
    return html`<div class="notices" role="status">
      ${this.notices.map(
        (n) => html`<p class="notice">
          <span>${text[n]}</span>
          <button type="button" @click=${() => this.dismiss(n)}>${s.dismiss}</button>
        </p>`,
      )}
    </div>`;
  }

  private dismiss(notice: PlayerNotice): void {
    this.notices = this.notices.filter((n) => n !== notice);
    this.dispatchEvent(new NoticeDismissEvent(notice));
  }

  private renderOutline(done: number, completed: boolean): TemplateResult {
    const { course, progress } = this.snapshot.context;
    const s = this.strings.player;
    const label = (lessonId: string) => {
      const status = progress.lessons[lessonId] ?? 'not-started';
      if (status === 'completed') return s.statusCompleted;
      if (lessonLock(course, progress, lessonId) !== 'open') return s.statusLocked;
      return status === 'in-progress' ? s.statusInProgress : s.statusNotStarted;
    };
    // On a narrow screen the outline starts folded, so the lesson is what the learner sees first.
    return html`<nav class="outline" aria-labelledby="outline-heading">
      <details ?open=${this.wideScreen}>
      <summary><h2 id="outline-heading">${s.outlineHeading}</h2><span class="count">${format(s.progressLabel, { done, total: course.lessons.length })}</span></summary>
      <ol>
        ${course.lessons.map((lesson) => {
          const current = this.view.kind === 'lesson' && lesson.id === progress.location;
          const status = progress.lessons[lesson.id] ?? 'not-started';
          const locked = lessonLock(course, progress, lesson.id) !== 'open';
          return html`<li class=${`item ${status}${locked ? ' locked' : ''}`}>
            <a
              href=${`#/lesson/${lesson.id}`}
              aria-current=${current ? 'page' : 'false'}
              aria-disabled=${locked ? 'true' : 'false'}
              @click=${(e: Event) => this.handleOutlineClick(e, lesson.id)}
            >
              <span class="marker" aria-hidden="true">${status === 'completed' ? '✓' : locked ? LOCK_ICON : '•'}</span>
              <span class="title">${lesson.title}</span>
              <span class="status">${label(lesson.id)}</span>
            </a>
          </li>`;
        })}
        ${completed || done > 0
          ? html`<li class="item results"><a href="#/results" aria-current=${this.view.kind === 'results' ? 'page' : 'false'}>${this.strings.results.heading}</a></li>`
          : nothing}
      </ol>
      </details>
    </nav>`;
  }

  private renderView(): TemplateResult {
    if (this.view.kind === 'practice') {
      if (!this.practiceReady) void import('./practice-page.ts').then(() => (this.practiceReady = true));
      return html`<practice-page .strings=${this.strings.analysis}></practice-page>`;
    }
    const { course, result } = this.snapshot.context;
    if (this.view.kind === 'results') {
      if (!this.resultsRequested) {
        this.resultsRequested = true;
        void import('./course-results.ts');
      }
      return html`<div data-focus-target tabindex="-1"><course-results .result=${result} .rewrites=${courseRewrites(course, this.snapshot.context.progress)} .passScore=${course.passScore} .strings=${this.strings.results} .analysisStrings=${this.strings.analysis} heading-level="1"></course-results></div>`;
    }
    if (this.lessonError) return html`<p role="alert">${this.lessonError}</p>`;
    const lesson = this.currentLesson;
    if (!lesson) return html`<p class="loading" aria-busy="true">${this.strings.player.loading}</p>`;
    const index = course.lessons.findIndex((l) => l.id === lesson.id);
    const next = course.lessons[index + 1];
    const nextOpen = next ? lessonLock(course, this.snapshot.context.progress, next.id) === 'open' : false;
    return html`
      ${this.resumed ? html`<p class="resume">${format(this.strings.player.resumeNotice, { lesson: lesson.title })}</p>` : nothing}
      <lesson-view .lesson=${lesson} .strings=${this.strings.lesson}>
        ${lesson.questions.map((q) => this.renderQuestion(q))} ${lesson.scenarios.map((sc) => this.renderExercise(sc))}
        ${lesson.reflection
          ? html`<reflection-box
              .prompt=${lesson.reflection.prompt}
              .guidance=${lesson.reflection.guidance}
              .text=${this.snapshot.context.progress.reflections[lesson.id] ?? ''}
              .strings=${this.strings.lesson}
              @reflection-save=${(e: ReflectionSaveEvent) => this.actor.send({ type: 'reflection.recorded', lessonId: lesson.id, text: e.text })}
            ></reflection-box>`
          : nothing}
      </lesson-view>
      <div class="pager">
        <button type="button" class="secondary" ?disabled=${index === 0} @click=${this.handleBack}>${this.strings.player.back}</button>
        ${next
          ? html`<button type="button" ?disabled=${!nextOpen} aria-describedby=${nextOpen ? nothing : 'next-locked'} @click=${this.handleNext}>
                ${this.strings.player.next}
              </button>
              ${nextOpen ? nothing : html`<p id="next-locked" class="hint">${next.role === 'assessment' ? this.strings.player.lockedAfterUnits : this.strings.player.lockedInOrder}</p>`}`
          : html`<a class="button" href="#/results">${this.strings.results.heading}</a>`}
      </div>
    `;
  }

  /** After a finished rewrite, move on: to the next lesson button. */
  private handleContinue(): void {
    this.renderRoot.querySelector<HTMLElement>('.pager button:not([disabled]):last-of-type, .pager a')?.focus();
  }

  private renderQuestion(question: Question): TemplateResult {
    const actor = this.questions.get(question.id);
    if (!actor) return html``;
    const snap = actor.getSnapshot();
    const phase = snap.matches('done') ? 'done' : snap.matches('feedback') ? 'feedback' : 'answering';
    return html`<knowledge-check
      .question=${question}
      .strings=${this.strings.question}
      .selected=${snap.context.selected}
      .phase=${phase}
      .correct=${snap.context.correct}
      heading-level="2"
      @question-select=${(e: QuestionSelectEvent) => actor.send({ type: 'question.select', selected: e.selected })}
      @question-submit=${() => actor.send({ type: 'question.submit' })}
      @question-retry=${() => actor.send({ type: 'question.retry' })}
    ></knowledge-check>`;
  }

  private renderExercise(scenario: Scenario): TemplateResult {
    const actor = this.exercises.get(scenario.id);
    if (!actor) return html``;
    const snap = actor.getSnapshot();
    const phase = (['reading', 'drafting', 'feedback', 'passed', 'exhausted'] as const).find((p) => snap.matches(p)) ?? 'reading';
    const canHint = snap.can({ type: 'hint.request' });
    return html`<rewrite-exercise
      .scenario=${scenario}
      .strings=${this.strings.exercise}
      .analysisStrings=${this.strings.analysis}
      .phase=${phase}
      .draft=${snap.context.draft}
      .attempts=${snap.context.attempts}
      .maxAttempts=${snap.context.maxAttempts}
      .hintsShown=${snap.context.hintsShown}
      .canHint=${canHint}
      .lastResult=${snap.context.lastResult?.analysis ?? null}
      heading-level="2"
      @exercise-start=${() => actor.send({ type: 'exercise.start', now: Date.now() })}
      @draft-change=${(e: DraftChangeEvent) => actor.send({ type: 'draft.change', draft: e.draft })}
      @hint-request=${() => actor.send({ type: 'hint.request' })}
      @exercise-submit=${() => actor.send({ type: 'exercise.submit', now: Date.now() })}
      @exercise-revise=${() => actor.send({ type: 'exercise.revise', now: Date.now() })}
      @exercise-continue=${this.handleContinue}
    ></rewrite-exercise>`;
  }
}

export class NoticeDismissEvent extends Event {
  static readonly eventName = 'notice-dismiss';
  constructor(readonly notice: PlayerNotice) {
    super(NoticeDismissEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'course-player': CoursePlayer;
  }
}
