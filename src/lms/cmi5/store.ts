/**
 * The course as a cmi5 assignable unit, behind the same store interface as SCORM: cmi5.js does
 * the launch (launch parameters, the one POST to the fetch URL, LMS.LaunchData, learner
 * preferences) and shapes the cmi5 defined statements; this file decides what to send when, and
 * the outbox makes sure it arrives. Progress is saved in the State API (the same compact string
 * as SCORM's suspend_data) and mirrored in the browser.
 *
 * What reaches the LRS: `initialized` first; `answered` per knowledge check and rewrite;
 * `progressed` when the share done changes; `completed` once every lesson is done and
 * `passed`/`failed` by the LMS's mastery score, each once per registration and never `failed`
 * after `passed` (none of the three in Browse or Review mode); `terminated` last.
 */
import Cmi5 from '@rusticisoftware/cmi5';
import type { SavedProgress } from '../../content/progress.ts';
import type { CourseResult } from '../../flows/rules.ts';
import { StandaloneStore, type KeyValueStorage } from '../standalone.ts';
import type { Interaction, LearningRecordStore, StoreNotice, StoreSession } from '../store.ts';
import { decodeProgress, encodeProgress } from '../suspend-data.ts';
import { courseIriOfAu, courseIris, type CourseIris } from './iri.ts';
import { Outbox } from './outbox.ts';
import { answeredStatement, intoSession, isoDuration, progressedStatement, StatementClock, type StatementBase } from './statements.ts';
import { VERBS, type Agent, type Statement } from './statement-types.ts';
import { httpTransport } from './xapi-http.ts';
import { isPlainObject } from '../../content/json-values.ts';

/** The course's own state document (LMS.LaunchData is the LMS's, and read-only). */
export const PROGRESS_STATE_ID = 'https://w3id.org/xapi/cmi5/email-course/progress';

/** What this registration has already been told, so that each verb goes once. */
export interface Reported {
  completed: boolean;
  passed: boolean;
  failed: boolean;
}

/** The document the course keeps in the State API. */
export interface ProgressDocument {
  v: 1;
  /** The saved progress, encoded as for SCORM's suspend_data (src/lms/suspend-data.ts). */
  progress: string | null;
  reported: Reported;
  /** Epoch ms of that progress, to tell it from a newer copy in the browser. */
  savedAt: number;
}

/** Kept in the browser per registration: statements not yet stored by the LRS, and what was reported. */
interface LocalRecord {
  v: 1;
  /** The session the pending statements were made in; null when made without one. */
  sessionId: string | null;
  pending: Statement[];
  reported: Reported;
  /** Epoch ms of the last progress saved in this browser (mirrored even without a session). */
  savedAt: number;
}

export interface Cmi5StoreOptions {
  courseId: string;
  reportLearnerText: boolean;
  /** The AU's launch URL, with the LMS's query parameters. */
  launchUrl: string;
  storage?: KeyValueStorage | null;
  now?: () => number;
  retryDelaysMs?: readonly number[];
  /** Failures in a row before the learner is told. */
  tellAfter?: number;
  /** How the course leaves for the LMS's returnURL (tests replace it). */
  navigate?: (url: string) => void;
}

const RETRY_DELAYS = [1000, 2000, 5000, 10_000, 30_000];
const NONE_REPORTED: Reported = { completed: false, passed: false, failed: false };
/** Network failures while asking for the token: the POST never reached the LMS, so asking again is safe. */
const FETCH_RETRIES = [500, 1500];

function defaultStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function reportedOf(value: unknown): Reported {
  if (!isPlainObject(value)) return { ...NONE_REPORTED };
  return { completed: value['completed'] === true, passed: value['passed'] === true, failed: value['failed'] === true };
}

function either(a: Reported, b: Reported): Reported {
  return { completed: a.completed || b.completed, passed: a.passed || b.passed, failed: a.failed || b.failed };
}

async function postFetchOnce(cmi: Cmi5): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await cmi.postFetch();
      return;
    } catch (error) {
      const delay = FETCH_RETRIES[attempt];
      // Only a request that never got an answer may be repeated: the fetch URL is one-time.
      if (delay === undefined || !/Failed to make fetch request/.test(String(error))) throw error;
      await new Promise((r) => (setTimeout(r, delay) as { unref?: () => void }).unref?.());
    }
  }
}

interface Session {
  cmi: Cmi5;
  outbox: Outbox;
  clock: StatementClock;
  iris: CourseIris;
  normal: boolean;
  startedAt: number;
  sessionId: string;
}

export class Cmi5Store implements LearningRecordStore {
  readonly kind = 'cmi5';
  readonly questionDetail = 'each';
  private readonly listeners: ((notice: StoreNotice) => void)[] = [];
  private readonly storage: KeyValueStorage | null;
  private readonly now: () => number;
  private session: Session | null = null;
  private mirror: StandaloneStore | null = null;
  private localKey = '';
  private actor: Agent | null = null;
  private activityId = '';
  private reported: Reported = { ...NONE_REPORTED };
  /** Made without a session (the LMS didn't answer): kept for the next launch. */
  private orphans: Statement[] = [];
  private encoded: string | null = null;
  private savedAt = 0;
  private lastShare: number | null = null;
  private terminated = false;
  private returnUrl: string | null = null;

  constructor(private readonly options: Cmi5StoreOptions) {
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.now = options.now ?? (() => Date.now());
  }

  /** The launch mode the LMS asked for, once started with a session. */
  get launchMode(): string | null {
    return this.session ? this.session.cmi.getLaunchMode() : null;
  }

  /** The LMS gave a returnURL: the course offers to go back to it. */
  get canLeave(): boolean {
    return this.returnUrl !== null && this.session !== null;
  }

  /** Statements made but not yet stored by the LRS. */
  get pending(): readonly Statement[] {
    return this.session ? this.session.outbox.queued : this.orphans;
  }

  async start(): Promise<StoreSession> {
    const cmi = new Cmi5(this.options.launchUrl);
    const registration = cmi.getRegistration();
    this.actor = cmi.getActor();
    this.activityId = cmi.getActivityId();
    const learnerName = this.actor.name;
    this.localKey = `email-course:${this.options.courseId}:cmi5:${registration}`;
    const local = this.readLocal();
    this.reported = local.reported;
    this.savedAt = local.savedAt;
    this.mirror = new StandaloneStore(`${this.options.courseId}:cmi5:${registration}`, this.storage);
    const mirrored = await this.mirror.start();

    try {
      await postFetchOnce(cmi);
      await cmi.loadLMSLaunchData();
      // cmi5.js reads the document whatever the status: make sure it is LMS.LaunchData.
      if (!['Normal', 'Browse', 'Review'].includes(cmi.getLaunchMode()) || typeof cmi.getSessionId() !== 'string') throw new Error('LMS.LaunchData is missing or malformed');
      await cmi.loadLearnerPrefs();
    } catch (error) {
      // No session: the course still runs, keeps progress in the browser and queues what it
      // would have sent for the next launch (a reload, say, whose fetch URL is already spent).
      console.warn('cmi5 launch failed:', error);
      this.orphans = local.pending;
      return { saved: mirrored.saved, learnerName, notice: 'lms-unavailable' };
    }

    // The context template as cmi5.js applies it; the LMS puts the AU's publisher id in its
    // grouping, and the course's IRI is that id without "/au" (see iri.ts).
    const template = structuredClone(cmi.prepareStatement(VERBS.initialized).context);
    delete template.registration;
    if (template.contextActivities) delete template.contextActivities.other;
    const publisherId = template.contextActivities?.grouping?.find((a) => courseIriOfAu(a.id) !== undefined)?.id;
    const iris = courseIris((publisherId && courseIriOfAu(publisherId)) ?? this.activityId);
    const transport = httpTransport({ endpoint: cmi.getEndpoint(), auth: cmi.getAuth(), actor: this.actor, activityId: this.activityId, registration });
    const outbox = new Outbox(transport, {
      retryDelaysMs: this.options.retryDelaysMs ?? RETRY_DELAYS,
      tellAfter: this.options.tellAfter ?? 3,
      stateId: PROGRESS_STATE_ID,
      persist: () => this.writeLocal(),
      onTrouble: () => this.tell('save-failed'),
      onRejected: (statements) => console.error('The LRS refused these statements as invalid:', statements),
    });
    const clock = new StatementClock(this.now);
    const session: Session = { cmi, outbox, clock, iris, normal: cmi.getLaunchMode() === 'Normal', startedAt: this.now(), sessionId: cmi.getSessionId() };
    this.session = session;
    this.returnUrl = cmi.getReturnURL();

    // Initialized first; then whatever an earlier session could not deliver, moved into this one
    // (completion and success only in Normal mode, where they may be sent at all).
    const initialized = this.stamped(cmi.initializedStatement());
    const carried = local.pending
      .filter((s) => s.verb.id === VERBS.answered || s.verb.id === VERBS.progressed || (session.normal && [VERBS.completed, VERBS.passed, VERBS.failed].some((v) => v === s.verb.id)))
      .map((s) => intoSession(s, template, registration, Cmi5.uuidv4(), clock.stamp()));
    outbox.enqueue(initialized, ...carried);
    if (typeof window !== 'undefined') window.addEventListener('online', () => outbox.wake());

    const state = await transport.getState(PROGRESS_STATE_ID);
    let saved: unknown = mirrored.saved;
    if (state.status === 200 && isPlainObject(state.document)) {
      this.reported = either(this.reported, reportedOf(state.document['reported']));
      const progress = state.document['progress'];
      const stateSavedAt = Number(state.document['savedAt']) || 0;
      // Progress made without a session (a reload whose fetch URL was spent) is newer in the browser.
      const browserIsNewer = mirrored.saved !== null && mirrored.saved !== undefined && local.savedAt > stateSavedAt;
      if (typeof progress === 'string' && progress !== '') this.encoded = progress;
      if (typeof progress === 'string' && progress !== '' && !browserIsNewer) {
        // Data that isn't ours restores as corrupted, and the learner is told.
        saved = decodeProgress(progress) ?? progress;
      }
    }
    this.writeLocal();
    return { saved, learnerName };
  }

  // As in the SCORM store: no await before the work, so save → report → finish keep their
  // order when the page is being unloaded.
  async save(progress: SavedProgress): Promise<void> {
    void this.mirror?.save(progress);
    this.encoded = encodeProgress(progress, 1_000_000).data;
    this.savedAt = this.now();
    this.writeLocal();
    if (this.session && !this.terminated && !this.session.outbox.refused) this.session.outbox.putState(this.document());
  }

  async report(result: CourseResult): Promise<void> {
    const session = this.session;
    if (!session || this.terminated || !session.normal) return;
    const { cmi, outbox } = session;
    const statements: Statement[] = [];
    const share = Math.round(result.progressMeasure * 100);
    if (!this.reported.completed && !result.completed && share !== this.lastShare) {
      statements.push(this.stamped(progressedStatement(this.base(), share)));
    }
    this.lastShare = share;
    const elapsed = isoDuration((this.now() - session.startedAt) / 1000);
    if (result.completed && !this.reported.completed) {
      statements.push(this.stamped(cmi.completedStatement(), elapsed));
      this.reported.completed = true;
    }
    if (result.completed && result.finalScore !== null && !this.reported.passed) {
      const scaled = result.finalScore / 100;
      const mastery = cmi.getMasteryScore();
      const passed = mastery === null ? result.passed === true : scaled >= mastery;
      const score = { scaled, raw: result.finalScore, min: 0, max: 100 };
      if (passed) {
        statements.push(this.stamped(cmi.passedStatement(score), elapsed));
        this.reported.passed = true;
      } else if (!this.reported.failed) {
        statements.push(this.stamped(cmi.failedStatement(score), elapsed));
        this.reported.failed = true;
      }
    }
    if (statements.length === 0) return;
    outbox.enqueue(...statements);
    if (!outbox.refused) outbox.putState(this.document());
  }

  async recordInteraction(interaction: Interaction): Promise<void> {
    if (this.terminated) return;
    const options = { iris: this.session?.iris ?? courseIris(this.activityId), reportLearnerText: this.options.reportLearnerText };
    const statement = answeredStatement(this.base(), interaction, options);
    if (this.session) {
      this.session.outbox.enqueue(this.stamped(statement, undefined, interaction.at));
      return;
    }
    statement.timestamp = new Date(this.now()).toISOString();
    this.orphans.push(statement);
    this.writeLocal();
  }

  async finish(): Promise<void> {
    const session = this.session;
    if (!session || this.terminated) return;
    this.terminated = true;
    const terminated = this.stamped(session.cmi.terminatedStatement(), isoDuration((this.now() - session.startedAt) / 1000));
    session.outbox.putState(this.document());
    session.outbox.enqueueForExit(terminated);
  }

  /**
   * Ends the session and goes back to the LMS (its returnURL), once the LRS has what there is
   * to send, or after `waitMs` at most. Without a returnURL, just ends the session.
   */
  async leave(waitMs = 3000): Promise<void> {
    await this.finish();
    const url = this.returnUrl;
    if (!url) return;
    const outbox = this.session?.outbox;
    const end = this.now() + waitMs;
    while (outbox && !outbox.idle && !outbox.refused && this.now() < end) await new Promise((r) => setTimeout(r, 50));
    (this.options.navigate ?? ((u: string) => window.location.assign(u)))(url);
  }

  onNotice(listener: (notice: StoreNotice) => void): void {
    this.listeners.push(listener);
    this.mirror?.onNotice(listener);
  }

  private tell(notice: StoreNotice): void {
    for (const listener of this.listeners) listener(notice);
  }

  /** A statement's base: cmi5.js's in a session, else a bare one to be moved into the next session. */
  private base(): StatementBase {
    const session = this.session;
    if (session) return (verbId) => session.cmi.prepareStatement(verbId);
    return (verbId) => ({ id: Cmi5.uuidv4(), timestamp: '', actor: this.actor ?? {}, verb: { id: verbId }, object: { id: this.activityId }, context: {} });
  }

  /** The session's own timestamps (never going back) and durations, instead of cmi5.js's. */
  private stamped(statement: Statement, duration?: string, at?: number): Statement {
    if (!this.session) return statement;
    statement.timestamp = this.session.clock.stamp(at === undefined ? undefined : Math.max(at, this.session.startedAt));
    if (duration !== undefined) statement.result = { ...(statement.result ?? {}), duration };
    // cmi5.js adds its own "source" activity to every context; the course keeps statements lean.
    const activities = statement.context.contextActivities;
    if (activities?.other) {
      activities.other = activities.other.filter((a) => !a.id.includes('rusticisoftware'));
      if (activities.other.length === 0) delete activities.other;
    }
    return statement;
  }

  private document(): ProgressDocument {
    return { v: 1, progress: this.encoded, reported: { ...this.reported }, savedAt: this.savedAt };
  }

  private readLocal(): LocalRecord {
    const empty: LocalRecord = { v: 1, sessionId: null, pending: [], reported: { ...NONE_REPORTED }, savedAt: 0 };
    try {
      const raw = this.storage?.getItem(this.localKey);
      if (!raw) return empty;
      const parsed: unknown = JSON.parse(raw);
      if (!isPlainObject(parsed) || parsed['v'] !== 1) return empty;
      const pending = Array.isArray(parsed['pending']) ? (parsed['pending'] as Statement[]).filter((s) => isPlainObject(s) && typeof s.id === 'string' && isPlainObject(s.verb)) : [];
      const savedAt = typeof parsed['savedAt'] === 'number' && Number.isFinite(parsed['savedAt']) ? parsed['savedAt'] : 0;
      return { v: 1, sessionId: typeof parsed['sessionId'] === 'string' ? parsed['sessionId'] : null, pending, reported: reportedOf(parsed['reported']), savedAt };
    } catch {
      return empty;
    }
  }

  private writeLocal(): void {
    const record: LocalRecord = { v: 1, sessionId: this.session?.sessionId ?? null, pending: [...this.pending], reported: this.reported, savedAt: this.savedAt };
    try {
      this.storage?.setItem(this.localKey, JSON.stringify(record));
    } catch {
      // Storage full or refused: the statements are still queued in memory for this session.
    }
  }
}
