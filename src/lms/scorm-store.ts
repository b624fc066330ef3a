/**
 * Progress and results kept by an LMS through SCORM 1.2 or 2004, behind the same interface as
 * the standalone store. Everything is mirrored in the browser too, so a reload loses nothing
 * even while the LMS is unreachable; a commit the LMS refuses is retried, and the learner is
 * told calmly if it keeps failing.
 */
import { CHECK_IDS } from '../analyzer/types.ts';
import type { SavedProgress } from '../content/progress.ts';
import type { CourseResult } from '../flows/rules.ts';
import type { FoundApi } from './api-finder.ts';
import { clip, dialectFor, scormId, type CmiDialect } from './cmi.ts';
import { ScormSession } from './session.ts';
import { StandaloneStore } from './standalone.ts';
import type { Interaction, LearningRecordStore, StoreNotice, StoreSession } from './store.ts';
import { decodeProgress, encodeProgress } from './suspend-data.ts';

export interface ScormStoreOptions {
  courseId: string;
  /** Lesson ids, one LMS objective each (besides one per analyzer check). */
  lessonIds: readonly string[];
  /** Whether learners' rewritten emails may be sent to the LMS. */
  reportLearnerText: boolean;
  scorm12Status: 'passed-failed' | 'completed-incomplete';
  /** Where progress is mirrored in the browser. */
  mirror?: StandaloneStore;
  now?: () => number;
  /** Waits between commit retries (ms). */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRIES = [1000, 3000, 10000];

export class ScormStore implements LearningRecordStore {
  readonly kind: 'scorm12' | 'scorm2004';
  private readonly session: ScormSession;
  private readonly cmi: CmiDialect;
  private readonly mirror: StandaloneStore;
  private readonly now: () => number;
  private readonly listeners: ((notice: StoreNotice) => void)[] = [];
  private sessionStart = 0;
  private interactionCount = 0;
  /** What the LMS held at launch: never reported lower, even after a fresh start. */
  private priorScore: number | null = null;
  private priorPassed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failedCommits = 0;
  private finished = false;

  constructor(
    found: FoundApi,
    private readonly options: ScormStoreOptions,
  ) {
    this.kind = found.version === '1.2' ? 'scorm12' : 'scorm2004';
    this.session = new ScormSession(found);
    this.cmi = dialectFor(found.version);
    this.mirror = options.mirror ?? new StandaloneStore(`${options.courseId}:scorm`);
    this.now = options.now ?? (() => Date.now());
  }

  /** The LMS's refusals so far, for diagnosis (the preview LMS shows them). */
  get lmsErrors() {
    return this.session.errors;
  }

  async start(): Promise<StoreSession> {
    const mirrored = await this.mirror.start();
    this.sessionStart = this.now();
    if (!this.session.initialize()) {
      // The LMS won't talk: the course still runs, saving in the browser, and says so.
      return { saved: mirrored.saved, notice: 'lms-unavailable' };
    }
    // Suspend first, so that a session that dies without finishing still resumes.
    this.session.set(this.cmi.exit, 'suspend');
    const raw = this.session.get(this.cmi.suspendData);
    const count = Number(this.session.get(this.cmi.interactionCount));
    this.interactionCount = Number.isInteger(count) && count > 0 ? count : 0;
    const score = Number(this.session.get(this.cmi.scoreRaw));
    this.priorScore = this.session.get(this.cmi.scoreRaw) !== '' && Number.isFinite(score) ? score : null;
    this.priorPassed =
      this.cmi.version === '1.2' ? this.session.get('cmi.core.lesson_status') === 'passed' : this.session.get('cmi.success_status') === 'passed';
    const learnerName = this.session.get(this.cmi.learnerName) || undefined;
    // The attempt has begun: say so at once, so the LMS never shows it as not attempted.
    if (this.cmi.version === '1.2') {
      if (['', 'not attempted'].includes(this.session.get('cmi.core.lesson_status'))) this.session.set('cmi.core.lesson_status', 'incomplete');
    } else if (['', 'unknown', 'not attempted'].includes(this.session.get('cmi.completion_status'))) {
      this.session.set('cmi.completion_status', 'incomplete');
    }
    this.commit();
    const decoded = raw ? decodeProgress(raw) : undefined;
    // A new attempt (entry ab-initio) starts fresh; the browser copy only stands in for a
    // resume whose suspend_data the LMS lost. Data that isn't ours restores as corrupted.
    const newAttempt = this.session.get(this.cmi.entry) === 'ab-initio';
    const saved = decoded ?? (raw ? raw : newAttempt ? null : mirrored.saved);
    return { saved, learnerName };
  }

  // No await before the LMS calls: at pagehide the page may be gone after this tick, so every
  // method does its work synchronously and save → report → finish run in order.
  async save(progress: SavedProgress): Promise<void> {
    void this.mirror.save(progress);
    if (this.session.current !== 'active') return;
    this.session.set(this.cmi.location, clip(scormId(progress.location), this.cmi.limits.location));
    this.session.set(this.cmi.suspendData, encodeProgress(progress, this.cmi.limits.suspendData).data);
    this.session.set(this.cmi.sessionTime, this.cmi.duration((this.now() - this.sessionStart) / 1000));
    this.commit();
  }

  async report(result: CourseResult): Promise<void> {
    if (this.session.current !== 'active') return;
    const set = (element: string, value: string) => this.session.set(element, value);
    const score = result.finalScore === null ? this.priorScore : Math.max(result.finalScore, this.priorScore ?? 0);
    const passed = this.priorPassed || result.passed === true;
    if (this.cmi.version === '2004') {
      set('cmi.completion_status', result.completed ? 'completed' : 'incomplete');
      set('cmi.success_status', passed ? 'passed' : result.passed === false ? 'failed' : 'unknown');
      if (this.cmi.progressMeasure) set(this.cmi.progressMeasure, String(result.progressMeasure));
    } else {
      const status =
        this.options.scorm12Status === 'completed-incomplete'
          ? result.completed
            ? 'completed'
            : 'incomplete'
          : passed
            ? 'passed'
            : result.passed === false
              ? 'failed'
              : 'incomplete';
      set('cmi.core.lesson_status', status);
    }
    if (score !== null) {
      set(this.cmi.scoreMin, '0');
      set(this.cmi.scoreMax, '100');
      set(this.cmi.scoreRaw, String(score));
      if (this.cmi.scoreScaled) set(this.cmi.scoreScaled, String(score / 100));
    }
    this.reportObjectives(result);
    // Only a finished course leaves normally; until then the LMS keeps the attempt to resume.
    if (result.completed) this.session.set(this.cmi.exit, this.cmi.version === '1.2' ? '' : 'normal');
    this.commit();
  }

  /** One objective per analyzer check (mastery) and one per lesson (completion). */
  private reportObjectives(result: CourseResult): void {
    let n = 0;
    for (const check of CHECK_IDS) {
      const skill = result.skills.find((s) => s.check === check);
      const score = skill ? (skill.final ?? skill.overall) : null;
      const o = this.cmi.objective(n);
      n += 1;
      this.session.set(o.id, scormId(`skill_${check}`));
      if (score !== null) {
        this.session.set(o.scoreMin, '0');
        this.session.set(o.scoreMax, '100');
        this.session.set(o.scoreRaw, String(score));
        if (o.scoreScaled) this.session.set(o.scoreScaled, String(score / 100));
      }
      const mastered = skill?.mastered === true;
      if (this.cmi.version === '1.2') this.session.set(o.status[0] ?? '', score === null ? 'not attempted' : mastered ? 'passed' : 'failed');
      else {
        this.session.set(o.status[0] ?? '', score === null ? 'unknown' : mastered ? 'passed' : 'failed');
        this.session.set(o.status[1] ?? '', score === null ? 'not attempted' : 'completed');
      }
    }
    for (const lessonId of this.options.lessonIds) {
      const o = this.cmi.objective(n);
      n += 1;
      this.session.set(o.id, scormId(`unit_${lessonId}`));
      const status = result.lessonStatuses[lessonId] ?? 'not-started';
      const value = status === 'completed' ? 'completed' : status === 'in-progress' ? 'incomplete' : 'not attempted';
      this.session.set(this.cmi.version === '1.2' ? (o.status[0] ?? '') : (o.status[1] ?? ''), value);
    }
  }

  async recordInteraction(i: Interaction): Promise<void> {
    if (this.session.current !== 'active') return;
    const n = this.interactionCount;
    this.interactionCount += 1;
    const f = this.cmi.interaction(n);
    // 2004 requires id, then type, before anything else (error 408 otherwise).
    this.session.set(f.id, scormId(i.id));
    this.session.set(f.type, i.kind === 'rewrite' ? this.cmi.types.rewrite : this.cmi.types.question);
    if (f.description && this.cmi.limits.description > 0) this.session.set(f.description, clip(i.description.replace(/\s+/g, ' ').trim(), this.cmi.limits.description));
    const response = this.responseOf(i);
    if (response !== null) this.session.set(f.response, response);
    this.session.set(f.result, i.correct ? this.cmi.results.correct : this.cmi.results.wrong);
    this.session.set(f.latency, this.cmi.duration(i.latencySeconds));
    this.session.set(f.time, this.cmi.timestamp(i.at));
    this.session.set(f.weighting, '1');
    this.commit();
  }

  private responseOf(i: Interaction): string | null {
    if (i.kind === 'question') {
      const letters = i.response
        .split(',')
        .map((s) => Number(s))
        .filter((n) => Number.isInteger(n) && n >= 0 && n < 26)
        .map((n) => String.fromCharCode(97 + n));
      return letters.length > 0 ? letters.join(this.cmi.choiceDelimiter) : null;
    }
    if (!this.options.reportLearnerText) return null; // scores only, by the organisation's choice
    // One line: 1.2's CMIFeedback and strict 2004 checkers reject line breaks.
    return clip(i.response.replace(/\s+/g, ' ').trim(), this.cmi.limits.textResponse);
  }

  async finish(): Promise<void> {
    if (this.finished || this.session.current !== 'active') return;
    this.finished = true;
    clearTimeout(this.retryTimer);
    this.session.set(this.cmi.sessionTime, this.cmi.duration((this.now() - this.sessionStart) / 1000));
    this.session.commit();
    this.session.terminate();
  }

  onNotice(listener: (notice: StoreNotice) => void): void {
    this.listeners.push(listener);
    this.mirror.onNotice(listener);
  }

  /** Commits now; on failure retries a few times, then tells the learner (and keeps trying later). */
  private commit(attempt = 0): void {
    clearTimeout(this.retryTimer);
    if (this.session.current !== 'active') return;
    if (this.session.commit()) {
      this.failedCommits = 0;
      return;
    }
    this.failedCommits += 1;
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRIES;
    const delay = delays[attempt];
    if (delay === undefined) {
      for (const listener of this.listeners) listener('save-failed');
      return;
    }
    this.retryTimer = setTimeout(() => this.commit(attempt + 1), delay);
  }
}
