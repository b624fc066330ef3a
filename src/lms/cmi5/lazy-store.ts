/**
 * The cmi5 store, loaded only when the course was launched by a cmi5 LMS: the cmi5 client and
 * the outbox are a chunk of their own, so the standalone and SCORM course never downloads them.
 * start() loads it; the course calls nothing else before start() has resolved.
 */
import type { SavedProgress } from '../../content/progress.ts';
import type { CourseResult } from '../../flows/rules.ts';
import type { Interaction, LearningRecordStore, StoreNotice, StoreSession } from '../store.ts';
import type { Cmi5Store, Cmi5StoreOptions } from './store.ts';

export class LazyCmi5Store implements LearningRecordStore {
  readonly kind = 'cmi5';
  readonly questionDetail = 'each';
  private store: Cmi5Store | null = null;
  private readonly listeners: ((notice: StoreNotice) => void)[] = [];

  constructor(private readonly options: Cmi5StoreOptions) {}

  async start(): Promise<StoreSession> {
    const { Cmi5Store } = await import('./store.ts');
    const store = new Cmi5Store(this.options);
    this.store = store;
    const session = await store.start();
    // After start: the store's browser mirror exists only then.
    for (const listener of this.listeners) store.onNotice(listener);
    return session;
  }

  async save(progress: SavedProgress): Promise<void> {
    return this.store?.save(progress);
  }

  async report(result: CourseResult): Promise<void> {
    return this.store?.report(result);
  }

  async recordInteraction(interaction: Interaction): Promise<void> {
    return this.store?.recordInteraction(interaction);
  }

  async finish(): Promise<void> {
    return this.store?.finish();
  }

  get canLeave(): boolean {
    return this.store?.canLeave === true;
  }

  async leave(): Promise<void> {
    return this.store?.leave();
  }

  onNotice(listener: (notice: StoreNotice) => void): void {
    if (this.store) this.store.onNotice(listener);
    else this.listeners.push(listener);
  }
}
