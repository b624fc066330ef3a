/**
 * Progress and results kept by an LMS through SCORM 1.2 or 2004, behind the same interface as
 * the standalone store. Everything is mirrored in the browser too, so a reload loses nothing
 * even while the LMS is unreachable; a commit the LMS refuses is retried, and the learner is
 * told calmly if it keeps failing. Values are written only when they change, interactions once
 * each and after those already in the LMS, and commits follow the commit policy.
 */
import { CHECK_IDS } from '../analyzer/types.ts';
import type { SavedProgress } from '../content/progress.ts';
import type { CourseResult } from '../flows/rules.ts';
import type { FoundApi } from './api-finder.ts';
import { clip, dialectFor, scormId, type CmiDialect } from './cmi.ts';
import { browserClock, CommitPolicy, DEFAULT_POLICY, type ChangeKind, type Clock } from './commit-policy.ts';
import { readAttemptState, type AttemptState } from './relaunch.ts';
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
  clock?: Clock;
  /** Waits between commit retries (ms). */
  retryDelaysMs?: readonly number[];
  /** Overrides the commit policy's timings (tests). */
  policy?: { minGapMs: number; routineDelayMs: number };
}

const DEFAULT_RETRIES = [1000, 3000, 10000];

/**
 * How much one session may have set in SCORM 2004, suspend_data aside, and still add a
 * learner's rewritten email. A strict LMS resends everything set since launch with every
 * commit, the last one by beacon while the page unloads, and the course keeps that commit
 * within 16 KB: a whole course in one sitting sets about 14 KB without any email (suspend_data
 * up to 4 KB, objectives 3 KB, 21 rewrites and 11 lessons' checks 7 KB), so the emails go while
 * this allows, and ids, results, latencies and times always. suspend_data is left out because a
 * save replaces it whole: early in a session it is small, but it grows to its limit.
 * Measured in test/lms/scorm-commits.test.ts and test/scorm/preview-e2e.test.ts.
 */
const TEXT_BUDGET_2004 = 4 * 1024;

/** Roughly what an element costs in a commit posted the way Moodle's player posts it. */
function commitCost(element: string, value: string): number {
  return element.length + element.split('.').length + encodeURIComponent(value).length + 2;
}

export class ScormStore implements LearningRecordStore {
  readonly kind: 'scorm12' | 'scorm2004';
  private readonly session: ScormSession;
  private readonly cmi: CmiDialect;
  private readonly mirror: StandaloneStore;
  private readonly clock: Clock;
  private readonly policy: CommitPolicy;
  /** What this session last wrote to each element: the same value is never sent twice. */
  private readonly written = new Map<string, string>();
  private readonly listeners: ((notice: StoreNotice) => void)[] = [];
  private sessionStart = 0;
  private interactionCount = 0;
  /** What the LMS held at launch: never reported lower (see relaunch.ts). */
  private prior: AttemptState = { review: false, completed: false, passed: false, score: null, progressMeasure: null };
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failedCommits = 0;
  /** What a commit resending everything this session set would weigh, element by element. */
  private sessionBytes = 0;
  private readonly costs = new Map<string, number>();
  private finished = false;

  constructor(
    found: FoundApi,
    private readonly options: ScormStoreOptions,
  ) {
    this.kind = found.version === '1.2' ? 'scorm12' : 'scorm2004';
    this.session = new ScormSession(found);
    this.cmi = dialectFor(found.version);
    this.mirror = options.mirror ?? new StandaloneStore(`${options.courseId}:scorm`);
    this.clock = options.clock ?? browserClock;
    this.policy = new CommitPolicy(() => this.commit(), { ...DEFAULT_POLICY, ...options.policy, clock: this.clock });
  }

  /** Writes a value unless this session already wrote exactly that; true when the LMS has it. */
  private set(element: string, value: string): boolean {
    if (this.written.get(element) === value) return false;
    const done = this.send(element, value);
    if (done) this.written.set(element, value);
    return done;
  }

  /** Sets a value on the LMS, counting what the session has set so far. */
  private send(element: string, value: string): boolean {
    const done = this.session.set(element, value);
    if (done) {
      const cost = commitCost(element, value);
      this.sessionBytes += cost - (this.costs.get(element) ?? 0);
      this.costs.set(element, cost);
    }
    return done;
  }

  private changed(kind: ChangeKind, wrote: boolean): void {
    if (wrote) this.policy.changed(kind);
  }

  private sessionSeconds(): number {
    return (this.clock.now() - this.sessionStart) / 1000;
  }

  /** The LMS's refusals so far, for diagnosis (the preview LMS shows them). */
  get lmsErrors() {
    return this.session.errors;
  }

  async start(): Promise<StoreSession> {
    const mirrored = await this.mirror.start();
    this.sessionStart = this.clock.now();
    if (!this.session.initialize()) {
      // The LMS won't talk: the course still runs, saving in the browser, and says so.
      return { saved: mirrored.saved, notice: 'lms-unavailable' };
    }
    this.prior = readAttemptState(this.cmi, (element) => this.session.get(element));
    // Suspend first, so that a session that dies without finishing still resumes. A finished
    // course being reviewed keeps the exit the LMS has.
    if (!this.prior.review) this.set(this.cmi.exit, 'suspend');
    const raw = this.session.get(this.cmi.suspendData);
    this.interactionCount = this.session.count(this.cmi.interactionCount) ?? 0;
    const learnerName = this.session.get(this.cmi.learnerName) || undefined;
    // The attempt has begun: say so at once, so the LMS never shows it as not attempted.
    if (this.prior.review) {
      // Nothing to announce: a review leaves the record as it is.
    } else if (this.cmi.version === '1.2') {
      if (['', 'not attempted'].includes(this.session.get('cmi.core.lesson_status'))) this.set('cmi.core.lesson_status', 'incomplete');
    } else if (['', 'unknown', 'not attempted'].includes(this.session.get('cmi.completion_status'))) {
      this.set('cmi.completion_status', 'incomplete');
    }
    this.policy.committedNow();
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
    const moved = this.set(this.cmi.location, clip(scormId(progress.location), this.cmi.limits.location));
    const saved = this.set(this.cmi.suspendData, encodeProgress(progress, this.cmi.limits.suspendData).data);
    // session_time goes with each commit (set just before it), not as a change of its own.
    this.changed('routine', moved || saved);
  }

  async report(result: CourseResult): Promise<void> {
    if (this.session.current !== 'active') return;
    const prior = this.prior;
    const wrote: boolean[] = [];
    const set = (element: string, value: string) => wrote.push(this.set(element, value));
    const score = result.finalScore === null ? null : Math.max(result.finalScore, prior.score ?? 0);
    const passed = prior.passed || result.passed === true;
    const completed = prior.completed || result.completed;
    if (prior.review && !completed && !passed) {
      // A review in the LMS's review or browse mode: nothing to raise yet.
    } else if (this.cmi.version === '2004') {
      set('cmi.completion_status', completed ? 'completed' : 'incomplete');
      if (passed || result.passed === false) set('cmi.success_status', passed ? 'passed' : 'failed');
      // Progress moves with every activity: a routine change, not a commit of its own.
      if (this.cmi.progressMeasure) this.changed('routine', this.set(this.cmi.progressMeasure, String(Math.max(result.progressMeasure, prior.progressMeasure ?? 0))));
    } else {
      const status =
        this.options.scorm12Status === 'completed-incomplete'
          ? completed
            ? 'completed'
            : 'incomplete'
          : passed
            ? 'passed'
            : result.passed === false
              ? 'failed'
              : completed
                ? 'completed'
                : 'incomplete';
      set('cmi.core.lesson_status', status);
    }
    if (score !== null && score !== prior.score) {
      set(this.cmi.scoreMin, '0');
      set(this.cmi.scoreMax, '100');
      set(this.cmi.scoreRaw, String(score));
      if (this.cmi.scoreScaled) set(this.cmi.scoreScaled, String(score / 100));
    }
    // Reviewing a finished course changes nothing the LMS recorded per skill or lesson.
    const objectives = prior.review ? 'unchanged' : this.reportObjectives(result);
    // Only a finished course leaves normally; until then the LMS keeps the attempt to resume.
    if (result.completed && !prior.review) set(this.cmi.exit, this.cmi.version === '1.2' ? '' : 'normal');
    this.changed('meaningful', wrote.some(Boolean) || objectives === 'lesson-completed');
    this.changed('routine', objectives === 'changed');
  }

  /** One objective per analyzer check (mastery) and one per lesson (completion). */
  private reportObjectives(result: CourseResult): 'unchanged' | 'changed' | 'lesson-completed' {
    let changed = false;
    let lessonCompleted = false;
    const set = (element: string, value: string) => {
      if (this.set(element, value)) changed = true;
    };
    let n = 0;
    for (const check of CHECK_IDS) {
      const skill = result.skills.find((s) => s.check === check);
      const score = skill ? (skill.final ?? skill.overall) : null;
      const o = this.cmi.objective(n);
      n += 1;
      set(o.id, scormId(`skill_${check}`));
      // Raw on 0–100 (min and max left out: optional, and a strict 2004 LMS resends each).
      if (score !== null) {
        set(o.scoreRaw, String(score));
        if (o.scoreScaled) set(o.scoreScaled, String(score / 100));
      }
      // Success only, once there is a score: until then the LMS's default (not attempted,
      // unknown) says it, and a 2004 skill's completion adds nothing to its success.
      if (score !== null) set(o.status[0] ?? '', skill?.mastered === true ? 'passed' : 'failed');
    }
    for (const lessonId of this.options.lessonIds) {
      const o = this.cmi.objective(n);
      n += 1;
      set(o.id, scormId(`unit_${lessonId}`));
      const status = result.lessonStatuses[lessonId] ?? 'not-started';
      const value = status === 'completed' ? 'completed' : status === 'in-progress' ? 'incomplete' : 'not attempted';
      const wrote = this.set(this.cmi.version === '1.2' ? (o.status[0] ?? '') : (o.status[1] ?? ''), value);
      if (wrote) changed = true;
      if (wrote && value === 'completed') lessonCompleted = true;
    }
    return lessonCompleted ? 'lesson-completed' : changed ? 'changed' : 'unchanged';
  }

  async recordInteraction(i: Interaction): Promise<void> {
    if (this.session.current !== 'active') return;
    // Append after whatever the LMS already holds (it may hold more than this session knows).
    const n = Math.max(this.interactionCount, this.session.count(this.cmi.interactionCount) ?? 0);
    const f = this.cmi.interaction(n);
    // 2004 requires id, then type, before anything else (error 408 otherwise).
    if (!this.send(f.id, scormId(i.id))) return;
    // Check what the LMS made of it: the next one goes after its count, whatever that is.
    const stored = this.session.count(this.cmi.interactionCount);
    this.interactionCount = stored !== null && stored > n ? stored : n + 1;
    this.send(f.type, i.kind === 'rewrite' ? this.cmi.types.rewrite : this.cmi.types.checks);
    const response = i.kind === 'rewrite' ? this.textOf(i.response) : null;
    if (response !== null) this.send(f.response, response);
    // A lesson's checks report the share answered right (a numeric result, in both versions).
    this.send(f.result, i.kind === 'checks' ? String(i.score) : i.correct ? this.cmi.results.correct : this.cmi.results.wrong);
    this.send(f.latency, this.cmi.duration(i.latencySeconds));
    this.send(f.time, this.cmi.timestamp(i.at));
    // A submitted rewrite is worth a commit of its own; a lesson's checks go with the next one.
    this.policy.changed(i.kind === 'rewrite' ? 'meaningful' : 'routine');
  }

  /** The learner's email as the LMS may keep it, or null when it must not or cannot go. */
  private textOf(email: string): string | null {
    if (!this.options.reportLearnerText) return null; // scores only, by the organisation's choice
    // One line: 1.2's CMIFeedback and strict 2004 checkers reject line breaks.
    const text = clip(email.replace(/\s+/g, ' ').trim(), this.cmi.limits.textResponse);
    // 1.2 LMSs send only what changed; in 2004 the session's leaving commit must stay small.
    const besideSuspendData = this.sessionBytes - (this.costs.get(this.cmi.suspendData) ?? 0);
    if (this.cmi.version === '2004' && besideSuspendData + commitCost('cmi.interactions.0.learner_response', text) > TEXT_BUDGET_2004) return null;
    return text;
  }

  /** Sends what is waiting now (the page is being hidden: it may not come back). */
  flush(): void {
    if (this.session.current === 'active') this.policy.flush();
  }

  /** Leaving: everything in one go, Terminate's own commit. */
  async finish(): Promise<void> {
    if (this.finished || this.session.current !== 'active') return;
    this.finished = true;
    clearTimeout(this.retryTimer);
    this.policy.stop();
    this.session.set(this.cmi.sessionTime, this.cmi.duration(this.sessionSeconds()));
    // Terminate stores everything (SCORM RTE: the LMS persists the data at Terminate); a Commit
    // before it would send it all twice, and a strict LMS sends both as beacons while the page
    // unloads, from one 64 KiB budget.
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
    this.session.set(this.cmi.sessionTime, this.cmi.duration(this.sessionSeconds()));
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
