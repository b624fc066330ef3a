// The manager passcode: chosen by MANAGER_PASSCODE or generated and shown once, kept only as a
// salted scrypt hash; and the limiter that slows wrong tries down.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ensurePasscode,
  generatePasscode,
  PASSCODE_SETTING,
  PasscodeError,
  PasscodeLimiter,
  passcodeNotice,
  verifyPasscode,
} from '../../src/server/passcode.ts';
import { openRecordsDb, type RecordsDb } from '../../src/server/records-db.ts';

let root: string;
let counter = 0;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'passcode-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

function freshDir(): string {
  counter += 1;
  return join(root, `t${counter}`);
}

async function withDb<T>(dir: string, work: (db: RecordsDb) => Promise<T>): Promise<T> {
  const db = openRecordsDb(join(dir, 'records.db'));
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Every byte the server keeps in its data folder, as text. */
function dataFolderText(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name)).toString('latin1'))
    .join('\n');
}

const GENERATED = /^[A-HJ-NP-Z2-9]{4}(?:-[A-HJ-NP-Z2-9]{4}){3}$/;

describe('manager passcode', () => {
  it('takes MANAGER_PASSCODE, keeps only its salted hash, and verifies it', async () => {
    const dir = freshDir();
    const passcode = 'correct horse battery';
    await withDb(dir, async (db) => {
      assert.deepEqual(await ensurePasscode(db, { MANAGER_PASSCODE: passcode }), { source: 'environment' });
      assert.equal(await verifyPasscode(db, passcode), true);
      assert.equal(await verifyPasscode(db, 'correct horse battery '), false);
      assert.equal(await verifyPasscode(db, 'CORRECT HORSE BATTERY'), false, 'a chosen passcode is exact');
      const stored: unknown = JSON.parse(db.setting(PASSCODE_SETTING) ?? 'null');
      assert.ok(typeof stored === 'object' && stored !== null);
      assert.equal((stored as Record<string, unknown>)['algorithm'], 'scrypt');
      // The same passcode at the next start: the stored hash is kept, not rewritten.
      const before = db.setting(PASSCODE_SETTING);
      assert.deepEqual(await ensurePasscode(db, { MANAGER_PASSCODE: passcode }), { source: 'environment' });
      assert.equal(db.setting(PASSCODE_SETTING), before);
    });
    assert.ok(!dataFolderText(dir).includes(passcode), 'the passcode is nowhere in clear');
  });

  it('salts each hash: one passcode in two databases gives two different hashes', async () => {
    const hashes = [];
    for (const dir of [freshDir(), freshDir()]) {
      hashes.push(await withDb(dir, async (db) => (await ensurePasscode(db, { MANAGER_PASSCODE: 'same passcode' }), db.setting(PASSCODE_SETTING))));
    }
    assert.notEqual(hashes[0], hashes[1]);
  });

  it('replaces the passcode when MANAGER_PASSCODE changes', async () => {
    await withDb(freshDir(), async (db) => {
      await ensurePasscode(db, { MANAGER_PASSCODE: 'first passcode' });
      await ensurePasscode(db, { MANAGER_PASSCODE: 'second passcode' });
      assert.equal(await verifyPasscode(db, 'second passcode'), true);
      assert.equal(await verifyPasscode(db, 'first passcode'), false);
      // Unset later: the last one set stays valid, and nothing new is generated.
      assert.deepEqual(await ensurePasscode(db, {}), { source: 'stored' });
      assert.equal(await verifyPasscode(db, 'second passcode'), true);
    });
  });

  it('refuses a MANAGER_PASSCODE under 8 characters with a clear message, storing nothing', async () => {
    await withDb(freshDir(), async (db) => {
      for (const short of ['1234567', '        ']) {
        await assert.rejects(ensurePasscode(db, { MANAGER_PASSCODE: short }), (error: unknown) => {
          assert.ok(error instanceof PasscodeError);
          assert.match(error.message, /MANAGER_PASSCODE/);
          assert.match(error.message, /at least 8/);
          return true;
        });
      }
      assert.equal(db.setting(PASSCODE_SETTING), undefined);
    });
  });

  it('generates a passcode at the first start, returns it once, and never stores it in clear', async () => {
    const dir = freshDir();
    const first = await withDb(dir, (db) => ensurePasscode(db, { MANAGER_PASSCODE: '' }));
    assert.equal(first.source, 'generated');
    const passcode = first.source === 'generated' ? first.passcode : '';
    assert.match(passcode, GENERATED);
    assert.match(passcodeNotice(first), new RegExp(passcode));
    await withDb(dir, async (db) => {
      const again = await ensurePasscode(db, {});
      assert.deepEqual(again, { source: 'stored' });
      assert.ok(!passcodeNotice(again).includes(passcode));
      assert.equal(await verifyPasscode(db, passcode), true);
      assert.equal(await verifyPasscode(db, ` ${passcode.toLowerCase().replaceAll('-', ' ')} `), true, 'case, spaces and dashes are forgiven');
      assert.equal(await verifyPasscode(db, passcode.replaceAll('-', '')), true);
      assert.equal(await verifyPasscode(db, `${passcode.slice(0, -1)}${passcode.endsWith('A') ? 'B' : 'A'}`), false);
    });
    const text = dataFolderText(dir);
    assert.ok(!text.includes(passcode) && !text.includes(passcode.replaceAll('-', '')), 'the passcode is nowhere in clear');
  });

  it('generates passcodes of 4 groups of 4 unambiguous characters, all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const passcode = generatePasscode();
      assert.match(passcode, GENERATED);
      assert.doesNotMatch(passcode, /[01IO]/);
      seen.add(passcode);
    }
    assert.equal(seen.size, 500);
  });

  it('says wrong to anything when no passcode is set, and to anything that is not a sane string', async () => {
    await withDb(freshDir(), async (db) => {
      assert.equal(await verifyPasscode(db, 'anything at all'), false);
      await ensurePasscode(db, { MANAGER_PASSCODE: 'the passcode' });
      for (const attempt of [undefined, null, 42, '', 'x'.repeat(5000), ['the passcode']]) assert.equal(await verifyPasscode(db, attempt), false);
      db.putSetting(PASSCODE_SETTING, '{"algorithm":"scrypt","N":1073741824,"r":8,"p":1,"salt":"","hash":"","form":"chosen"}');
      assert.equal(await verifyPasscode(db, 'the passcode'), false, 'an edited, too costly hash is refused, not computed');
    });
  });
});

describe('passcode limiter', () => {
  function limiter(options: { maxClients?: number } = {}) {
    let now = 1_000_000;
    const limit = new PasscodeLimiter({ now: () => now, ...options });
    return { limit, advance: (ms: number) => (now += ms) };
  }

  it('doubles the wait after each try without success, from 1 s up to 60 s', () => {
    const { limit, advance } = limiter();
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      assert.deepEqual(limit.attempt('10.0.0.1'), { allowed: true });
      const answer = limit.attempt('10.0.0.1');
      assert.equal(answer.allowed, false, 'an immediate second try is refused');
      const wait = answer.allowed ? 0 : answer.retryAfterMs;
      waits.push(wait);
      advance(wait - 1);
      assert.equal(limit.attempt('10.0.0.1').allowed, false, 'one millisecond early is still refused');
      advance(1);
    }
    assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('forgets a client after a success, and keeps clients apart', () => {
    const { limit, advance } = limiter();
    limit.attempt('a');
    advance(1000);
    limit.attempt('a');
    assert.equal(limit.waitMs('a'), 2000);
    assert.equal(limit.waitMs('b'), 0);
    assert.deepEqual(limit.attempt('b'), { allowed: true });
    limit.succeeded('a');
    assert.equal(limit.waitMs('a'), 0);
    assert.deepEqual(limit.attempt('a'), { allowed: true });
    assert.equal(limit.waitMs('a'), 1000, 'the count starts over');
  });

  it('starts over after an hour of quiet, and remembers a bounded number of clients', () => {
    const { limit, advance } = limiter({ maxClients: 3 });
    for (let i = 0; i < 5; i++) {
      limit.attempt('x');
      advance(limit.waitMs('x'));
    }
    advance(60 * 60_000);
    limit.attempt('x');
    assert.equal(limit.waitMs('x'), 1000);
    for (const client of ['a', 'b', 'c', 'd']) limit.attempt(client);
    assert.equal(limit.size, 3);
    assert.equal(limit.waitMs('x'), 0, 'the quietest client was dropped first');
    assert.equal(limit.waitMs('d'), 1000);
  });
});
