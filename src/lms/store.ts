/**
 * The one interface the course uses to talk to wherever progress is kept: the browser
 * (standalone), or an LMS through SCORM 1.2 or 2004 or cmi5. Components and flows never see which.
 */
import type { CheckId } from '../analyzer/index.ts';
import type { SavedProgress } from '../content/progress.ts';
import type { CourseResult } from '../flows/rules.ts';

/** Something the learner should know about where their progress is kept. */
export type StoreNotice = 'storage-unavailable' | 'save-failed' | 'lms-unavailable' | 'lms-not-found';

export interface StoreSession {
  /** Saved progress as stored (unvalidated: the course restores it). */
  saved: unknown;
  learnerName?: string | undefined;
  notice?: StoreNotice | undefined;
}

/**
 * A scored response: a submitted rewrite, or a lesson's knowledge checks once all are settled
 * (one for the lesson: see flows/lesson-checks.ts). No description goes with it: the LMS's
 * record is read with the course beside it (`npm run report`), and a strict LMS resends every
 * element with each commit.
 */
export interface Interaction {
  id: string;
  /**
   * A rewrite attempt; a lesson's knowledge checks together (SCORM, whose commits must stay
   * small); or one knowledge check (a store with `questionDetail: 'each'`, such as an LRS).
   */
  kind: 'rewrite' | 'checks' | 'question';
  /** The question's prompt, for a single knowledge check. */
  description?: string | undefined;
  /** The rewritten email; the chosen options (comma-separated) of one question; empty for a lesson's checks. */
  response: string;
  correct: boolean;
  /** 0–100: a rewrite's score; the share of a lesson's checks answered right. */
  score: number;
  /** Per-check scores of a rewrite, 0–100. */
  checks?: Partial<Record<CheckId, number>> | undefined;
  /** Epoch milliseconds when it was answered. */
  at: number;
  latencySeconds: number;
}

export interface LearningRecordStore {
  readonly kind: 'standalone' | 'scorm12' | 'scorm2004' | 'cmi5';
  /** Knowledge checks one by one (an LRS has room for them), or per lesson (the default). */
  readonly questionDetail?: 'each' | 'per-lesson';
  start(): Promise<StoreSession>;
  save(progress: SavedProgress): Promise<void>;
  report(result: CourseResult): Promise<void>;
  recordInteraction(interaction: Interaction): Promise<void>;
  finish(): Promise<void>;
  /** Sends anything waiting to be committed, now (the page is being hidden). */
  flush?(): void;
  /** Called when something the learner should know happens after start (e.g. saving fails). */
  onNotice(listener: (notice: StoreNotice) => void): void;
  /** Whether the LMS wants the learner sent back to it on leaving (cmi5's returnURL). */
  readonly canLeave?: boolean;
  /** Ends the session and goes back to the LMS. */
  leave?(): Promise<void>;
}
