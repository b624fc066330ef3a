/** The standalone store over a fake Web Storage: saving, resuming, and storage that fails. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyProgress, restoreProgress, type SavedProgress } from '../../src/content/progress.ts';
import type { Course } from '../../src/content/schema.ts';
import { courseResult } from '../../src/flows/rules.ts';
import { StandaloneStore, type KeyValueStorage } from '../../src/lms/standalone.ts';
import type { StoreNotice } from '../../src/lms/store.ts';
import { makeCourse, passedExercise } from '../flows/fixtures.ts';

const NOW = 1_700_000_000_000;
const course: Course = makeCourse();

function progress(): SavedProgress {
  return { ...emptyProgress(course, NOW), location: 'unit_one', exercises: { diag_rewrite: passedExercise() } };
}

/** In-memory storage; `failWrites` makes setItem throw as a full or private-mode store does. */
class FakeStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  failReads = false;
  writes = 0;

  getItem(key: string): string | null {
    if (this.failReads) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.writes += 1;
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

function listen(store: StandaloneStore): StoreNotice[] {
  const notices: StoreNotice[] = [];
  store.onNotice((n) => notices.push(n));
  return notices;
}

describe('StandaloneStore', () => {
  it('is the standalone kind', () => {
    assert.equal(new StandaloneStore(course.id, new FakeStorage()).kind, 'standalone');
  });

  it('starts with nothing saved and no notice on empty storage', async () => {
    assert.deepEqual(await new StandaloneStore(course.id, new FakeStorage()).start(), { saved: null });
  });

  it('save, then a later start returns the saved progress, which restores as it was', async () => {
    const storage = new FakeStorage();
    const first = new StandaloneStore(course.id, storage);
    await first.start();
    await first.save(progress());
    const session = await new StandaloneStore(course.id, storage).start();
    assert.equal(session.notice, undefined);
    assert.deepEqual(restoreProgress(session.saved, course, NOW + 1), { progress: progress() });
  });

  it('keeps each course’s progress apart', async () => {
    const storage = new FakeStorage();
    const store = new StandaloneStore(course.id, storage);
    await store.start();
    await store.save(progress());
    assert.deepEqual(await new StandaloneStore('another_course', storage).start(), { saved: null });
  });

  it('with no storage at all: the course runs, the learner is told, saving is a no-op', async () => {
    const store = new StandaloneStore(course.id, null);
    const notices = listen(store);
    assert.deepEqual(await store.start(), { saved: null, notice: 'storage-unavailable' });
    await store.save(progress());
    await store.report(courseResult(course, progress()));
    await store.finish();
    assert.deepEqual(notices, [], 'told once, at start');
  });

  it('storage that refuses writes (private mode, full quota) gives a notice at start and no later errors', async () => {
    const storage = new FakeStorage();
    storage.failWrites = true;
    const store = new StandaloneStore(course.id, storage);
    const notices = listen(store);
    const session = await store.start();
    assert.equal(session.notice, 'storage-unavailable');
    await store.save(progress());
    assert.deepEqual(notices, [], 'no second notice for the same problem');
    assert.equal(storage.items.size, 0);
  });

  it('storage whose reads throw (blocked cookies) gives a notice at start', async () => {
    const storage = new FakeStorage();
    storage.failReads = true;
    assert.deepEqual(await new StandaloneStore(course.id, storage).start(), { saved: null, notice: 'storage-unavailable' });
  });

  it('still resumes saved progress when the storage is full and refuses new writes', async () => {
    const storage = new FakeStorage();
    const earlier = new StandaloneStore(course.id, storage);
    await earlier.start();
    await earlier.save(progress());
    storage.failWrites = true;
    const session = await new StandaloneStore(course.id, storage).start();
    assert.equal(session.notice, 'storage-unavailable', 'the learner is told new progress won’t be kept');
    assert.equal(session.saved, JSON.stringify(progress()), 'but the progress already saved is not thrown away');
  });

  it('a save that fails after a good start tells the onNotice listeners once, and stops trying', async () => {
    const storage = new FakeStorage();
    const store = new StandaloneStore(course.id, storage);
    const notices = listen(store);
    const also: StoreNotice[] = [];
    store.onNotice((n) => also.push(n));
    assert.deepEqual(await store.start(), { saved: null });
    await store.save(progress());
    assert.deepEqual(notices, []);
    storage.failWrites = true;
    const writesBefore = storage.writes;
    await assert.doesNotReject(store.save(progress()));
    await assert.doesNotReject(store.save(progress()));
    assert.equal(notices.length, 1);
    // Not 'save-failed': that message promises the progress is kept in this browser, which is what just failed.
    assert.equal(notices[0], 'storage-unavailable');
    assert.deepEqual(also, notices, 'every listener hears it');
    assert.equal(storage.writes, writesBefore + 1, 'no more writes after a failure');
  });

  it('the other store operations never throw', async () => {
    const storage = new FakeStorage();
    storage.failReads = true;
    storage.failWrites = true;
    const store = new StandaloneStore(course.id, storage);
    await assert.doesNotReject(store.start());
    await assert.doesNotReject(store.save(progress()));
    await assert.doesNotReject(store.report(courseResult(course, progress())));
    await assert.doesNotReject(
      store.recordInteraction({ id: 'unit_q', kind: 'checks', response: '', correct: true, score: 100, at: NOW, latencySeconds: 3 }),
    );
    await assert.doesNotReject(store.finish());
  });
});
