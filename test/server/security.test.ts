// The self-hosted server against an attacker and a careless admin, on loopback: one test (or a
// few) per finding of the security review (issue 11), the ones that failed and the ones that
// held. Every server here is real, on a free port, with a temporary data folder; every loop an
// attacker runs is bounded in count.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { inflateBounded, MAX_INFLATED_BYTES } from '../../src/lms/bounded-inflate.ts';
import { CourseClient, linkPathIn } from '../../src/server/course-client.ts';
import { lockDataFolder } from '../../src/server/data-folder.ts';
import { loadCourseForReport, type CourseForReport } from '../../src/server/manager-report.ts';
import { ensurePasscode } from '../../src/server/passcode.ts';
import { openRecordsDb, recordsFileIn, type RecordsDb } from '../../src/server/records-db.ts';
import { cookieNames } from '../../src/server/request-guard.ts';
import { startCourseServer, type CourseServer, type CourseServerOptions } from '../../src/server/routes.ts';

const PASSCODE = 'security-test-passcode';
const REPORT_COURSE: CourseForReport = loadCourseForReport();
const temps: string[] = [];

interface Running {
  server: CourseServer;
  db: RecordsDb;
  dir: string;
  logs: string[];
  client: (options?: { origin?: string }) => CourseClient;
  stop: () => Promise<void>;
}

/** A course server on a free loopback port with its own data folder. */
async function start(options: Partial<CourseServerOptions> = {}, dir = mkdtempSync(join(tmpdir(), 'security-test-'))): Promise<Running> {
  temps.push(dir);
  const courseDir = join(dir, 'course');
  mkdirSync(courseDir, { recursive: true });
  writeFileSync(join(courseDir, 'index.html'), '<!doctype html><title>Course</title><style>p{color:red}</style><p>the course</p>');
  writeFileSync(join(courseDir, 'big.bin'), Buffer.alloc(8 * 1024 * 1024, 7));
  const db = openRecordsDb(recordsFileIn(join(dir, 'data')));
  await ensurePasscode(db, { MANAGER_PASSCODE: PASSCODE });
  const logs: string[] = [];
  const server = await startCourseServer({ db, courseDir, hostScript: '', reportCourse: REPORT_COURSE, port: 0, limiter: { baseDelayMs: 60_000 }, log: (line) => logs.push(line), ...options });
  return {
    server,
    db,
    dir,
    logs,
    client: (o = {}) => new CourseClient(server.url, server.cookies, o),
    stop: async () => {
      await server.close();
      db.close();
    },
  };
}

after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Signs up a new learner; their client and personal link path. */
async function newLearner(run: Running, name: string, email: string): Promise<{ client: CourseClient; link: string }> {
  const client = run.client();
  const response = await client.signUp(name, email);
  assert.equal(response.status, 200, `signing up ${email}`);
  const link = linkPathIn(await response.text());
  assert.ok(link, 'the welcome page shows the personal link');
  return { client, link };
}

async function commitAs(client: CourseClient, cmi: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  const config = await client.learnConfig();
  assert.ok(config, 'signed in');
  return client.post(config.commitUrl, JSON.stringify({ cmi }), { 'content-type': 'application/json', ...headers });
}

async function managerClient(run: Running): Promise<CourseClient> {
  const manager = run.client();
  const response = await manager.managerSignIn(PASSCODE);
  assert.equal(response.status, 303, 'the manager signs in');
  return manager;
}

/** The CSV report's rows as arrays of cells (simple: no cell here holds a comma or quote). */
async function csvRows(manager: CourseClient): Promise<string[][]> {
  const response = await manager.get('/manager/report.csv');
  assert.equal(response.status, 200);
  return (await response.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
}

// ---------------------------------------------------------------------------------------------
describe('identity: a work email alone never opens a record (High: takeover by email)', () => {
  let run: Running;
  before(async () => {
    run = await start();
  });
  after(() => run.stop());

  it("signing up with a colleague's email gets a refusal, no session, no link, and changes nothing", async () => {
    const victim = await newLearner(run, 'Vera Victim', 'vera@example.com');
    assert.equal((await commitAs(victim.client, { suspend_data: 'vera-draft', location: 'lesson-3' })).status, 200);
    const attacker = run.client();
    const response = await attacker.signUp('Mallory', 'VERA@example.com');
    assert.equal(response.status, 409);
    const page = await response.text();
    assert.match(page, /personal link/);
    assert.match(page, /manager/);
    assert.equal(linkPathIn(page), undefined);
    assert.doesNotMatch(page, /\/l\/[A-Za-z0-9_-]{20}/, 'no link of hers on the page');
    assert.equal(attacker.learnerCookie(), undefined, 'no session');
    assert.equal((await attacker.learnConfig()), undefined, 'the course page stays closed');
    assert.equal(run.db.learnerByEmail('vera@example.com')?.name, 'Vera Victim', 'not renamed');
  });

  it('her personal link opens her record, after one press of a button (a bare GET signs no one in)', async () => {
    const { link } = await newLearner(run, 'Lina Link', 'lina@example.com');
    const other = run.client();
    const landing = await other.get(link);
    assert.equal(landing.status, 200);
    assert.equal(other.learnerCookie(), undefined);
    assert.equal((await other.followLink(link)).status, 303);
    assert.equal((await other.learnConfig())?.cmi['learner_id'], 'lina-at-example.com');
  });

  it('managers see every link, revoke it (the learner is signed out) and reissue it', async () => {
    const learner = await newLearner(run, 'Rex Revoked', 'rex@example.com');
    const manager = await managerClient(run);
    const page = await (await manager.get('/manager/learners')).text();
    assert.ok(page.includes(learner.link), 'the manager sees the link');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const revoke = await manager.post('/manager/learners', new URLSearchParams({ csrf, learner: 'rex-at-example.com', action: 'revoke' }));
    assert.equal(revoke.status, 200);
    assert.equal((await run.client().get(learner.link)).status, 404, 'the old link is dead');
    assert.equal(await learner.client.learnConfig(), undefined, 'and the learner is signed out');
    const reissued = await (await manager.post('/manager/learners', new URLSearchParams({ csrf, learner: 'rex-at-example.com', action: 'reissue' }))).text();
    const fresh = /\/l\/[A-Za-z0-9_-]+/g.exec(reissued.slice(reissued.indexOf('<th scope="row">Rex Revoked')))?.[0];
    assert.ok(fresh && fresh !== learner.link, 'a new link');
    const back = run.client();
    assert.equal((await back.followLink(fresh)).status, 303);
    assert.equal((await back.learnConfig())?.cmi['learner_id'], 'rex-at-example.com');
    const forged = await manager.post('/manager/learners', new URLSearchParams({ csrf: 'x'.repeat(32), learner: 'rex-at-example.com', action: 'revoke' }));
    assert.equal(forged.status, 403, 'revoking needs the session token');
  });

  it('--invite-only refuses every sign-up; --allowed-domains refuses other domains', async () => {
    const closed = await start({ signIn: { inviteOnly: true } });
    try {
      assert.equal((await closed.client().signUp('Ivy', 'ivy@example.com')).status, 403);
      assert.equal(closed.db.listLearners().length, 0);
    } finally {
      await closed.stop();
    }
    const domains = await start({ signIn: { allowedDomains: ['example.com'] } });
    try {
      assert.equal((await domains.client().signUp('Out', 'out@elsewhere.org')).status, 400);
      assert.equal((await domains.client().signUp('In', 'in@example.com')).status, 200);
      assert.deepEqual(domains.db.listLearners().map((l) => l.email), ['in@example.com']);
    } finally {
      await domains.stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('the server owns identity (High: report forgery)', () => {
  it('a commit naming someone else, in 2004 or 1.2 fields, shows in the report as its sender only', async () => {
    const run = await start();
    try {
      const victim = await newLearner(run, 'Vic Tim', 'vic@example.com');
      assert.equal((await commitAs(victim.client, { completion_status: 'incomplete', success_status: 'unknown' })).status, 200);
      const forger = await newLearner(run, 'Fo Rger', 'forger@example.com');
      const forged = {
        learner_id: 'vic-at-example.com',
        learner_name: 'Vic Tim',
        completion_status: 'completed',
        success_status: 'passed',
        score: { scaled: '1', raw: '100', min: '0', max: '100' },
        core: { student_id: 'ghost-1', student_name: 'Invented Ghost', lesson_status: 'passed', score: { raw: '100', min: '0', max: '100' } },
      };
      assert.equal((await commitAs(forger.client, forged)).status, 200);
      const stored = run.db.latestCommit(run.db.currentAttempt('forger-at-example.com', '2004').id)?.body.cmi as Record<string, Record<string, unknown>>;
      assert.equal(stored['core']?.['student_id'], 'forger-at-example.com', 'the stored 1.2 identity is the sender');
      const manager = await managerClient(run);
      const rows = await csvRows(manager);
      const text = rows.map((r) => r.join(',')).join('\n');
      assert.doesNotMatch(text, /Invented Ghost|ghost-1/, 'no invented learner');
      const vic = rows.filter((r) => r.includes('Vic Tim'));
      assert.equal(vic.length, 1);
      assert.ok(!vic[0]?.some((cell) => /^passed$/i.test(cell)), `the victim is not passed: ${vic[0]?.join(',')}`);
      assert.equal(rows.filter((r) => r.includes('Fo Rger')).length, 1, 'the forger is in the report, as themself');
    } finally {
      await run.stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('bounded work on untrusted data (High: deflate bomb)', () => {
  let run: Running;
  before(async () => {
    run = await start();
  });
  after(() => run.stop());

  it('inflating stops at the cap: a bomb and an oversized payload give nothing, a payload under the cap comes back whole', () => {
    assert.equal(inflateBounded(deflateRawSync(Buffer.alloc(50 * 1024 * 1024)), MAX_INFLATED_BYTES), undefined);
    const text = Buffer.from('abc'.repeat(700_000));
    const packed = deflateRawSync(text);
    assert.equal(inflateBounded(packed, 1024 * 1024), undefined);
    assert.deepEqual(Buffer.from(inflateBounded(packed, 4 * 1024 * 1024) ?? []), text);
  });

  it('a commit whose suspend_data inflates to 200 MB costs the report almost no memory, with a warning', async () => {
    const bomb = deflateRawSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
    const learner = await newLearner(run, 'Bo Mb', 'bomb@example.com');
    assert.equal((await commitAs(learner.client, { suspend_data: `p1:${bomb.toString('base64url')}` })).status, 200);
    const manager = await managerClient(run);
    const before = process.memoryUsage();
    const report = await manager.get('/manager/report');
    assert.equal(report.status, 200);
    const html = await report.text();
    const grown = process.memoryUsage().arrayBuffers - before.arrayBuffers;
    assert.ok(grown < 64 * 1024 * 1024, `the report allocated ${Math.round(grown / 1e6)} MB of buffers`);
    assert.match(html, /suspend_data is not this course/);
    assert.match(html, /Bo Mb/);
  });

  it('a damaged row is skipped with a visible warning, never a 500', async () => {
    const learner = await newLearner(run, 'Dam Aged', 'damaged@example.com');
    assert.equal((await commitAs(learner.client, { suspend_data: 'x' })).status, 200);
    const attempt = run.db.currentAttempt('damaged-at-example.com', '2004').id;
    const raw = new Database(run.db.file);
    raw.pragma('ignore_check_constraints = ON');
    raw.prepare("UPDATE commits SET cmi_json = '{\"cmi\": {' WHERE attempt_id = ?").run(attempt);
    raw.close();
    const manager = await managerClient(run);
    const report = await manager.get('/manager/report');
    assert.equal(report.status, 200);
    assert.match(await report.text(), /not readable JSON; record skipped/);
    assert.equal((await manager.get('/manager/report.csv')).status, 200);
  });

  it('JSON nested 1000 deep is refused with a 400 and no stack trace in the log', async () => {
    const learner = await newLearner(run, 'Dee Pest', 'deep@example.com');
    const config = await learner.client.learnConfig();
    assert.ok(config);
    const deep = `{"cmi": {"suspend_data": ${'['.repeat(1000)}${']'.repeat(1000)}}}`;
    const response = await learner.client.post(config.commitUrl, deep, { 'content-type': 'application/json' });
    assert.equal(response.status, 400);
    assert.deepEqual(run.logs.filter((l) => /\n\s+at /.test(l)), []);
  });

  it('malformed, huge and non-JSON bodies get a 4xx (held)', async () => {
    const learner = await newLearner(run, 'Bad Body', 'badbody@example.com');
    const config = await learner.client.learnConfig();
    assert.ok(config);
    for (const [body, status] of [
      ['not json', 400],
      ['{"cmi": 1}', 400],
      [JSON.stringify({ cmi: { suspend_data: 'x'.repeat(1024 * 1024 + 1) } }), 413],
    ] as const) {
      assert.equal((await learner.client.post(config.commitUrl, body, { 'content-type': 'application/json' })).status, status);
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('CSRF and cookies (Medium)', () => {
  let run: Running;
  before(async () => {
    run = await start();
  });
  after(() => run.stop());

  it('a commit with Origin: null, a foreign Origin or Sec-Fetch-Site: cross-site is refused and changes nothing', async () => {
    const { client } = await newLearner(run, 'Cara Csrf', 'cara@example.com');
    assert.equal((await commitAs(client, { suspend_data: 'mine' })).status, 200);
    const attempt = run.db.currentAttempt('cara-at-example.com', '2004').id;
    for (const headers of [{ origin: 'null' }, { origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
      const response = await commitAs(client, { suspend_data: 'replaced' }, headers);
      assert.equal(response.status, 403, JSON.stringify(headers));
    }
    assert.equal(run.db.latestCommit(attempt)?.body.cmi['suspend_data'], 'mine');
  });

  it("a commit without the session's token is refused, even from the right origin with the right cookie", async () => {
    const { client } = await newLearner(run, 'Tom Token', 'tom@example.com');
    const own = new URL(run.server.url).origin;
    for (const path of ['/api/commit', '/api/commit?csrf=' + 'A'.repeat(32)]) {
      const response = await client.post(path, JSON.stringify({ cmi: { suspend_data: 'forged' } }), { origin: own, 'content-type': 'text/plain' });
      assert.equal(response.status, 403, path);
    }
    assert.equal(run.db.latestCommit(run.db.currentAttempt('tom-at-example.com', '2004').id), undefined);
  });

  it("login CSRF: sign-up, a personal link's sign-in and the passcode form need the form's token and the server's origin", async () => {
    const attacker = await newLearner(run, 'Atta Cker', 'attacker@example.com');
    const victim = run.client();
    // Without the form token (a page elsewhere posting blind): refused, no session.
    assert.equal((await victim.post('/', new URLSearchParams({ name: 'X', email: 'x@example.com' }))).status, 403);
    assert.equal((await victim.post(attacker.link, new URLSearchParams({}))).status, 403);
    assert.equal((await victim.post('/manager', new URLSearchParams({ passcode: PASSCODE }))).status, 403);
    // With a token the attacker got for their own browser: the victim's browser has no matching cookie.
    const page = await attacker.client.get(attacker.link);
    const token = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    assert.equal((await victim.post(attacker.link, new URLSearchParams({ csrf: token }))).status, 403);
    // From another origin, even with a matching token pair: refused.
    const foreign = run.client({ origin: 'http://evil.example' });
    await foreign.get(attacker.link);
    assert.equal((await foreign.submit(attacker.link, {})).status, 403);
    assert.equal(victim.learnerCookie(), undefined);
    assert.equal(foreign.learnerCookie(), undefined);
    assert.equal(run.db.learnerByEmail('x@example.com'), undefined);
  });

  it('cookie tossing: a second cookie of the same name (planted by another service on the host) opens nothing', async () => {
    const { client } = await newLearner(run, 'Toss Ed', 'tossed@example.com');
    const planted = await newLearner(run, 'Plan Ted', 'planted@example.com');
    const name = run.server.cookies.learner;
    const both = `${name}=${planted.client.learnerCookie() ?? ''}; ${name}=${client.learnerCookie() ?? ''}`;
    const learn = await fetch(new URL('/learn', run.server.url), { headers: { cookie: both }, redirect: 'manual' });
    assert.equal(learn.status, 303, 'a duplicated session cookie is no session');
    assert.equal(learn.headers.get('location'), '/');
  });

  it('cookie names carry the port over HTTP, and every cookie is HttpOnly and SameSite=Strict (held)', async () => {
    const response = await fetch(run.server.url);
    const line = response.headers.getSetCookie()[0] ?? '';
    assert.match(line, new RegExp(`^course_form_${run.server.port}=`));
    assert.match(line, /HttpOnly/);
    assert.match(line, /SameSite=Strict/);
    assert.doesNotMatch(line, /Secure/, 'not Secure over plain HTTP (the browser would drop it)');
  });

  it('a session cookie from another learner, or made up, never names someone else (held: session fixation)', async () => {
    const forged = await fetch(new URL('/learn', run.server.url), { headers: { cookie: `${run.server.cookies.learner}=${'A'.repeat(32)}` }, redirect: 'manual' });
    assert.equal(forged.status, 303);
    const { client } = await newLearner(run, 'Fix Ation', 'fixation@example.com');
    const before = client.learnerCookie();
    const { link } = await newLearner(run, 'Oth Er', 'other@example.com');
    await client.followLink(link);
    assert.notEqual(client.learnerCookie(), before, 'signing in always issues a new session token');
  });
});

// ---------------------------------------------------------------------------------------------
/** A throwaway self-signed certificate for 127.0.0.1, made with openssl at run time. */
function selfSignedCertificate(dir: string): { cert: Buffer; key: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A GET over HTTPS trusting only `ca`: status and Set-Cookie lines. */
function httpsGet(url: string, ca: Buffer): Promise<{ status: number | undefined; cookies: string[] }> {
  return new Promise((resolveGet, reject) => {
    const req = httpsRequest(url, { ca }, (res) => {
      res.resume();
      res.on('end', () => resolveGet({ status: res.statusCode, cookies: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS (Medium: no HTTPS story)', () => {
  it('--tls-cert/--tls-key serve HTTPS, with Secure __Host- cookies', { skip: hasOpenssl() ? false : 'openssl is not installed' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'security-tls-'));
    temps.push(dir);
    const tls = selfSignedCertificate(dir);
    const run = await start({ tls }, dir);
    try {
      assert.match(run.server.url, /^https:\/\//);
      const answer = await httpsGet(run.server.url, tls.cert);
      assert.equal(answer.status, 200);
      const line = answer.cookies[0] ?? '';
      assert.match(line, /^__Host-course_form=/);
      assert.match(line, /; Secure/);
      assert.match(line, /Path=\//);
      assert.doesNotMatch(line, /Domain=/i);
      await assert.rejects(fetch(run.server.url.replace('https:', 'http:')), 'plain HTTP is not answered on the TLS port');
    } finally {
      await run.stop();
    }
  });

  it('--trust-proxy: X-Forwarded-Proto https gives Secure cookies and the https origin; without it the header is ignored', async () => {
    const proxied = await start({ trustProxy: true });
    const direct = await start();
    try {
      const behind = await fetch(proxied.server.url, { headers: { 'x-forwarded-proto': 'https' } });
      assert.match(behind.headers.getSetCookie()[0] ?? '', /^__Host-course_form=.*; Secure/);
      const ignored = await fetch(direct.server.url, { headers: { 'x-forwarded-proto': 'https' } });
      assert.doesNotMatch(ignored.headers.getSetCookie()[0] ?? '', /Secure/);
      // Behind the proxy the page's origin is https://<public host>: a post from http:// is cross-origin.
      const client = new CourseClient(proxied.server.url, { learner: '__Host-course_session', manager: '__Host-course_manager', form: '__Host-course_form' }, { origin: `http://${new URL(proxied.server.url).host}` });
      const page = await client.get('/', { headers: { 'x-forwarded-proto': 'https' } });
      const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const post = await client.post('/', new URLSearchParams({ csrf, name: 'P', email: 'p@example.com' }), { 'x-forwarded-proto': 'https' });
      assert.equal(post.status, 403);
    } finally {
      await proxied.stop();
      await direct.stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('sessions and rate limits (Medium)', () => {
  it('a restart keeps people signed in (sessions are in the database, as hashes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'security-restart-'));
    const first = await start({}, dir);
    const { client } = await newLearner(first, 'Res Tart', 'restart@example.com');
    const port = first.server.port;
    const token = client.learnerCookie() ?? '';
    await first.stop();
    const raw = new Database(recordsFileIn(join(dir, 'data')), { readonly: true });
    const stored = raw.prepare<[], { token_hash: string }>('SELECT token_hash FROM sessions').all();
    raw.close();
    assert.ok(stored.length > 0 && stored.every((s) => s.token_hash !== token), 'only hashes are stored');
    const second = await start({ port }, dir);
    try {
      const again = new CourseClient(second.server.url, second.server.cookies);
      again.jar.cookies.set(second.server.cookies.learner, token);
      assert.equal((await again.learnConfig())?.cmi['learner_id'], 'restart-at-example.com');
    } finally {
      await second.stop();
    }
  });

  it('sign-up is rate limited per address: past the limit a 429 and no new learner', async () => {
    const run = await start({ rateLimits: { signUpPerClient: { max: 3, windowMs: 600_000 } } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await run.client().signUp(`S ${i}`, `s${i}@example.com`)).status, 200);
      const refused = await run.client().signUp('S 3', 's3@example.com');
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.equal(run.db.listLearners().length, 3);
    } finally {
      await run.stop();
    }
  });

  it('sign-up is rate limited in all, whatever addresses a proxy forwards', async () => {
    const run = await start({ trustProxy: true, rateLimits: { signUpGlobal: { max: 4, windowMs: 600_000 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const client = run.client();
        const page = await client.get('/', { headers: { 'x-forwarded-for': `10.0.0.${i}` } });
        const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
        statuses.push((await client.post('/', new URLSearchParams({ csrf, name: `G ${i}`, email: `g${i}@example.com` }), { 'x-forwarded-for': `10.0.0.${i}` })).status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
    } finally {
      await run.stop();
    }
  });

  it('the passcode limiter is per forwarded address behind a proxy, and global', async () => {
    const run = await start({ trustProxy: true, rateLimits: { passcodeGlobal: { max: 3, windowMs: 600_000 } } });
    try {
      const tryFrom = async (address: string) => {
        const client = run.client();
        const page = await client.get('/manager', { headers: { 'x-forwarded-for': `203.0.113.9, ${address}` } });
        const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
        return (await client.post('/manager', new URLSearchParams({ csrf, passcode: 'wrong-guess' }), { 'x-forwarded-for': `203.0.113.9, ${address}` })).status;
      };
      assert.equal(await tryFrom('10.1.0.1'), 401);
      assert.equal(await tryFrom('10.1.0.1'), 429, 'the same address waits');
      assert.equal(await tryFrom('10.1.0.2'), 401, 'another address behind the proxy has its own limit');
      assert.equal(await tryFrom('10.1.0.3'), 401);
      assert.equal(await tryFrom('10.1.0.4'), 429, 'the global limit holds whatever the address');
    } finally {
      await run.stop();
    }
  });

  it('concurrent passcode tries hash one at a time and the rest are refused at once; course files are served meanwhile', async () => {
    const run = await start({ trustProxy: true, rateLimits: { passcodeGlobal: { max: 1000, windowMs: 600_000 } } });
    try {
      const clients = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const client = run.client();
          const page = await client.get('/manager', { headers: { 'x-forwarded-for': `10.2.0.${i}` } });
          return { client, i, csrf: /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '' };
        }),
      );
      const tries = clients.map(({ client, i, csrf }) => client.post('/manager', new URLSearchParams({ csrf, passcode: `wrong-${i}` }), { 'x-forwarded-for': `10.2.0.${i}` }).then((r) => r.status));
      const file = await fetch(new URL('/course/index.html', run.server.url));
      assert.equal(file.status, 200);
      const statuses = await Promise.all(tries);
      const hashed = statuses.filter((s) => s === 401).length;
      assert.equal(statuses.filter((s) => s !== 401 && s !== 429).length, 0, statuses.join(','));
      assert.ok(hashed >= 1 && hashed <= 5, `${hashed} tries were hashed (one running, at most four waiting)`);
    } finally {
      await run.stop();
    }
  });

  it('an over-long passcode is a plain 401, never hashed or a 5xx (held; timing is covered in passcode.test.ts)', async () => {
    const run = await start();
    try {
      const long = await run.client().managerSignIn('x'.repeat(5000));
      assert.equal(long.status, 401);
    } finally {
      await run.stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('hygiene (Low)', () => {
  let run: Running;
  before(async () => {
    run = await start();
  });
  after(() => run.stop());

  it('the records are 0600 in a 0700 folder, -wal and -shm included', async () => {
    const { client } = await newLearner(run, 'Perm Ission', 'perm@example.com');
    assert.equal((await commitAs(client, { suspend_data: 'x' })).status, 200);
    const mode = (path: string) => statSync(path).mode & 0o777;
    assert.equal(mode(join(run.dir, 'data')), 0o700);
    for (const suffix of ['', '-wal', '-shm']) assert.equal(mode(`${run.db.file}${suffix}`), 0o600, `records.db${suffix}`);
  });

  it("every page's CSP forbids inline code not its own ('unsafe-inline' nowhere); the course may be framed only by this site", async () => {
    const { client } = await newLearner(run, 'Csp Check', 'csp@example.com');
    const manager = await managerClient(run);
    const pages: [CourseClient, string][] = [
      [client, '/'],
      [client, '/learn'],
      [client, '/manager'],
      [manager, '/manager/report'],
      [manager, '/manager/learners'],
      [client, '/course/index.html'],
      [client, '/nope'],
    ];
    for (const [who, path] of pages) {
      const response = await who.get(path);
      const policy = response.headers.get('content-security-policy') ?? '';
      assert.ok(policy, `${path} has a CSP`);
      assert.doesNotMatch(policy, /unsafe-inline/, path);
      assert.match(policy, path.startsWith('/course/') ? /frame-ancestors 'self'/ : /frame-ancestors 'none'/, path);
    }
    const course = await client.get('/course/index.html');
    const sha = createHash('sha256').update('p{color:red}').digest('base64');
    assert.ok(course.headers.get('content-security-policy')?.includes(`'sha256-${sha}'`), "the course page's own inline style is allowed by its hash");
  });

  it('a client that aborts a course download leaves no stack trace in the log', async () => {
    await new Promise<void>((resolveAbort, reject) => {
      const req = httpRequest(new URL('/course/big.bin', run.server.url), (res) => {
        res.once('data', () => req.destroy());
        res.on('close', () => resolveAbort());
      });
      req.on('error', () => undefined);
      req.on('close', () => resolveAbort());
      req.once('error', (e) => (/socket hang up|aborted/i.test(e.message) ? undefined : reject(e)));
      req.end();
    });
    // Let the server take in the abort: a few answered requests later it has.
    for (let i = 0; i < 3; i++) assert.equal((await fetch(new URL('/course/index.html', run.server.url))).status, 200);
    assert.deepEqual(run.logs, []);
  });

  it('a second server on the same data folder is refused with a clear message; a dead one’s lock is taken over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'security-lock-'));
    temps.push(dir);
    const release = lockDataFolder(dir);
    try {
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts', '--data', dir, '--port', '0', '--no-build'], { encoding: 'utf8', timeout: 60_000 });
      assert.notEqual(second.status, 0);
      assert.match(second.stderr, new RegExp(`another course server \\(process ${process.pid}\\) is already using`));
      assert.doesNotMatch(second.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      release();
    }
    const dead = spawnSync(process.execPath, ['-e', '0']);
    writeFileSync(join(dir, 'server.lock'), `${dead.pid ?? 999_999}\n`);
    const again = lockDataFolder(dir);
    again();
  });

  it('npm run report shows control characters from records as escapes, never raw', () => {
    const dir = mkdtempSync(join(tmpdir(), 'security-report-'));
    temps.push(dir);
    const records = join(dir, 'records.jsonl');
    writeFileSync(records, `${JSON.stringify({ cmi: { core: { student_id: 'x', student_name: 'Esc', lesson_status: '\u001b]0;pwned\u0007\u001b[2J' } } })}\n`);
    const report = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/records-report.ts', records, '--out', join(dir, 'out')], { encoding: 'utf8', timeout: 60_000 });
    assert.match(report.stderr, /\\x1b\]0;pwned\\x07/);
    assert.doesNotMatch(report.stderr + report.stdout, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

// ---------------------------------------------------------------------------------------------
describe('commits grouped off the critical path (load)', () => {
  it('kill -9 in the middle of a commit burst loses no acknowledged commit (held, now with grouped writes)', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'security-kill-'));
    temps.push(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load-server.ts', dir, '50'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    const url = await new Promise<string>((resolveUrl, reject) => {
      createInterface({ input: child.stdout }).once('line', (line) => resolveUrl((JSON.parse(line) as { url: string }).url));
      child.once('exit', () => reject(new Error('the server stopped before listening')));
    });
    const names = cookieNames(false, Number(new URL(url).port));
    const learners = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const client = new CourseClient(url, names);
        assert.equal((await client.signUp(`Kill ${i}`, `kill${i}@example.com`)).status, 200);
        const config = await client.learnConfig();
        assert.ok(config);
        return { client, commitUrl: config.commitUrl, email: `kill${i}@example.com`, lastSequence: 0, lastMark: '' };
      }),
    );
    const killAt = 400 + Math.floor(Math.random() * 200);
    let acks = 0;
    await Promise.all(
      learners.map(async (learner) => {
        for (let n = 0; n < 200 && child.exitCode === null && child.signalCode === null; n++) {
          const mark = `${learner.email}:${n}`;
          try {
            const response = await learner.client.post(learner.commitUrl, JSON.stringify({ cmi: { suspend_data: mark, location: 'x'.repeat(2000) } }), { 'content-type': 'text/plain' });
            if (response.status !== 200) break;
            const answer = (await response.json()) as { sequence: number };
            learner.lastSequence = answer.sequence;
            learner.lastMark = mark;
            if (++acks === killAt) child.kill('SIGKILL');
          } catch {
            break; // the server is gone
          }
        }
      }),
    );
    assert.equal(await exited, 'SIGKILL', 'the server was killed mid-burst');
    const db = openRecordsDb(recordsFileIn(join(dir, 'data')));
    try {
      assert.deepEqual(db.integrityProblems(), []);
      for (const learner of learners) {
        if (learner.lastSequence === 0) continue;
        const id = db.learnerByEmail(learner.email)?.id ?? '';
        const stored = db.latestCommit(db.currentAttempt(id, '2004').id);
        assert.ok(stored && stored.sequence >= learner.lastSequence, `${learner.email}: acknowledged ${learner.lastSequence}, stored ${stored?.sequence ?? 0}`);
        if (stored.sequence === learner.lastSequence) assert.equal(stored.body.cmi['suspend_data'], learner.lastMark);
      }
      assert.ok(acks >= killAt, `${acks} commits acknowledged before the kill`);
    } finally {
      db.close();
    }
  });
});
