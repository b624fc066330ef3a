/**
 * Progress kept in this browser (localStorage), for use without an LMS. When storage is
 * unavailable (private browsing, blocked cookies, quota) the course still runs and the learner
 * is told their progress won't be kept.
 */
import type { SavedProgress } from '../content/progress.ts';
import type { CourseResult } from '../flows/rules.ts';
import type { Interaction, LearningRecordStore, StoreNotice, StoreSession } from './store.ts';

/** The part of the Web Storage API this store uses, so tests can hand in a failing one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // reading localStorage itself throws when the browser blocks it
  }
}

export class StandaloneStore implements LearningRecordStore {
  readonly kind = 'standalone';
  private readonly listeners: ((notice: StoreNotice) => void)[] = [];
  private readonly key: string;
  private available = true;

  constructor(
    courseId: string,
    private readonly storage: KeyValueStorage | null = defaultStorage(),
  ) {
    this.key = `email-course:${courseId}:progress`;
  }

  async start(): Promise<StoreSession> {
    if (!this.storage) return { saved: null, notice: 'storage-unavailable' };
    let saved: string | null = null;
    try {
      saved = this.storage.getItem(this.key);
      // Probe that writing works too (Safari's private mode reads fine and refuses writes).
      this.storage.setItem(`${this.key}:probe`, '1');
      return { saved };
    } catch {
      // What could be read still resumes the learner; only new progress can't be kept.
      this.available = false;
      return { saved, notice: 'storage-unavailable' };
    }
  }

  async save(progress: SavedProgress): Promise<void> {
    if (!this.storage || !this.available) return;
    try {
      this.storage.setItem(this.key, JSON.stringify(progress));
    } catch {
      this.available = false;
      for (const listener of this.listeners) listener('storage-unavailable');
    }
  }

  // The course's own results live in the saved progress; nothing else to report here.
  async report(_result: CourseResult): Promise<void> {}

  async recordInteraction(_interaction: Interaction): Promise<void> {}

  async finish(): Promise<void> {}

  onNotice(listener: (notice: StoreNotice) => void): void {
    this.listeners.push(listener);
  }
}
