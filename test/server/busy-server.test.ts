// What keeps the course server responsive in a burst (see npm run load-test for the figures):
// requests take turns within a time budget, writes go in groups bounded in time, and sessions
// are remembered between a learner's commits but forgotten the moment they end.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { openRecordsDb, recordsFileIn, type RecordsDb } from '../../src/server/records-db.ts';
import { SessionStore } from '../../src/server/sessions.ts';
import { TurnTaker } from '../../src/server/turns.ts';
import { WriteQueue } from '../../src/server/write-queue.ts';

let dir: string;
let db: RecordsDb;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'busy-server-'));
  db = openRecordsDb(recordsFileIn(dir));
});

after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A clock that moves only when told. */
function manualClock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('requests take turns', () => {
  it('starts requests until the turn has spent its budget; the rest wait, in order, for later turns', async () => {
    const clock = manualClock();
    const turns = new TurnTaker({ budgetMs: 10, now: clock.now });
    const started: string[] = [];
    const request = (name: string) => () => {
      started.push(name);
      clock.advance(6);
    };
    ['a', 'b', 'c', 'd'].forEach((name) => turns.run(request(name)));
    assert.deepEqual(started, ['a', 'b'], 'a and b fit in the 10 ms budget (0 and 6 ms in); c would start at 12 ms');
    assert.equal(turns.backlog, 2);
    // A request that arrives while others wait goes behind them, even with budget to spare.
    turns.run(request('e'));
    assert.deepEqual(started, ['a', 'b']);
    await nextTurn();
    assert.deepEqual(started, ['a', 'b', 'c', 'd'], 'the next turn starts c and d');
    await nextTurn();
    assert.deepEqual(started, ['a', 'b', 'c', 'd', 'e']);
    assert.equal(turns.backlog, 0);
  });

  it('a quiet server starts each request at once', () => {
    const turns = new TurnTaker({ budgetMs: 10, now: manualClock().now });
    const started: number[] = [];
    for (let i = 0; i < 50; i++) turns.run(() => started.push(i));
    assert.equal(started.length, 50, 'requests that take no time never wait');
  });
});

describe('writes in groups', () => {
  it('closes a group once its writes have run maxGroupMs, answers it, and writes the rest in the next', async () => {
    const clock = manualClock();
    const queue = new WriteQueue(db, { maxGroupMs: 10, now: clock.now });
    const answered: number[] = [];
    const writes = [0, 1, 2, 3, 4].map((i) =>
      queue
        .run(() => {
          clock.advance(4);
          return i;
        })
        .then((value) => {
          answered.push(value);
          return value;
        }),
    );
    assert.deepEqual(await Promise.all(writes), [0, 1, 2, 3, 4]);
    assert.deepEqual(answered, [0, 1, 2, 3, 4], 'answered in order');
    assert.equal(queue.stats.groups, 2, 'writes at 0, 4 and 8 ms share a group; the one that would start at 12 ms opens the next');
    assert.equal(queue.stats.writes, 5);
  });

  it('a write that throws fails alone; its group keeps the others', async () => {
    const queue = new WriteQueue(db);
    const results = await Promise.allSettled([queue.run(() => 1), queue.run(() => { throw new Error('bad write'); }), queue.run(() => 3)]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal(queue.stats.groups, 1);
  });
});

describe('sessions remembered between commits', () => {
  const LIFETIME = 60 * 60_000;

  function learnerWithSession(store: SessionStore, email: string) {
    const learner = db.upsertLearner({ name: 'Cache Learner', email });
    const attempt = db.currentAttempt(learner.id, '2004');
    return { learner, ...store.create('learner', { learnerId: learner.id, attemptId: attempt.id }, LIFETIME) };
  }

  it('reads the records once for repeated lookups, until forgotten', () => {
    const clock = manualClock(Date.now());
    const store = new SessionStore(db, { cacheMs: 30_000, now: clock.now });
    const { token, session } = learnerWithSession(store, 'cache.one@example.com');
    assert.equal(store.get(token, 'learner', LIFETIME)?.tokenHash, session.tokenHash);
    // Deleted behind the store's back: still remembered, which shows lookups are not re-read…
    db.deleteSession(session.tokenHash);
    assert.ok(store.get(token, 'learner', LIFETIME), 'remembered');
    // …which is why every change the server makes also tells the store.
    store.forget(session.tokenHash);
    assert.equal(store.get(token, 'learner', LIFETIME), undefined, 'forgotten, and gone from the records');
  });

  it("forgets all of a learner's sessions when told (a revoked link), and re-reads after cacheMs", () => {
    const clock = manualClock(Date.now());
    const store = new SessionStore(db, { cacheMs: 30_000, now: clock.now });
    const first = learnerWithSession(store, 'cache.two@example.com');
    const other = learnerWithSession(store, 'cache.three@example.com');
    assert.ok(store.get(first.token, 'learner', LIFETIME));
    assert.ok(store.get(other.token, 'learner', LIFETIME));
    db.deleteLearnerSessions(first.learner.id);
    db.deleteLearnerSessions(other.learner.id);
    store.forgetLearner(first.learner.id);
    assert.equal(store.get(first.token, 'learner', LIFETIME), undefined);
    assert.ok(store.get(other.token, 'learner', LIFETIME), "another learner's session is still remembered");
    clock.advance(30_001);
    assert.equal(store.get(other.token, 'learner', LIFETIME), undefined, 'after cacheMs the records are read again');
  });

  it('a remembered session still expires on time', () => {
    const clock = manualClock(Date.now());
    const store = new SessionStore(db, { cacheMs: 10 * LIFETIME, now: clock.now });
    const { token } = learnerWithSession(store, 'cache.four@example.com');
    assert.ok(store.get(token, 'learner', LIFETIME));
    clock.advance(LIFETIME + 1);
    assert.equal(store.get(token, 'learner', LIFETIME), undefined);
  });
});
