// The self-hosted course server over HTTP, in-process on a free loopback port with a temp data
// folder: learner sign-in and sessions, commits and their refusals, the manager's passcode, the
// report and its CSV.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadCourseForReport } from '../../src/server/manager-report.ts';
import { ensurePasscode } from '../../src/server/passcode.ts';
import { openRecordsDb, recordsFileIn, type RecordsDb } from '../../src/server/records-db.ts';
import { CourseClient, linkPathIn } from '../../src/server/course-client.ts';
import { startCourseServer, type CourseServer } from '../../src/server/routes.ts';

const PASSCODE = 'correct-horse-battery';
const LIMITER_BASE_MS = 300;
let limiterClock = 1_000_000;

let dir: string;
let db: RecordsDb;
let server: CourseServer;
let base: string;

const client = () => new CourseClient(base, server.cookies);

/** A new learner, signed in: their client (cookies) and commit URL. */
async function signIn(name: string, email: string, team?: string): Promise<{ response: Response; client: CourseClient; html: string }> {
  const c = client();
  const response = await c.signUp(name, email, team);
  const html = await response.text();
  assert.ok(c.learnerCookie(), `no session cookie after signing up ${email} (status ${response.status})`);
  return { response, client: c, html };
}

async function commitUrlOf(c: CourseClient): Promise<string> {
  const config = await c.learnConfig();
  assert.ok(config, 'the course page has no config');
  return config.commitUrl;
}

async function postCommit(c: CourseClient, body: string | Blob, type = 'application/json'): Promise<Response> {
  return c.post(await commitUrlOf(c), body, { 'content-type': type });
}

function attemptOf(email: string) {
  const learner = db.learnerByEmail(email);
  assert.ok(learner, `no learner ${email}`);
  return db.currentAttempt(learner.id, '2004');
}

/** The JSON the course page hands scorm-again. */
async function learnConfig(c: CourseClient): Promise<{ cmi: Record<string, unknown> }> {
  const config = await c.learnConfig();
  assert.ok(config, 'the course page has no config');
  return config;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const courseDir = join(dir, 'course');
  rmSync(courseDir, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(courseDir));
  writeFileSync(join(courseDir, 'index.html'), '<!doctype html><title>Course</title><p>the course</p>');
  db = openRecordsDb(recordsFileIn(join(dir, 'data')));
  await ensurePasscode(db, { MANAGER_PASSCODE: PASSCODE });
  server = await startCourseServer({
    db,
    courseDir,
    hostScript: 'window.hostLoaded = true;',
    reportCourse: loadCourseForReport(),
    courseTitle: 'Email etiquette',
    passScore: 80,
    port: 0,
    // The limiter's clock is the test's: it moves only when the test says, never by sleeping.
    limiter: { baseDelayMs: LIMITER_BASE_MS, maxDelayMs: 2000, now: () => limiterClock },
    log: () => undefined,
  });
  base = server.url;
});

after(async () => {
  await server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('learners', () => {
  it('shows a labelled sign-in form', async () => {
    const response = await fetch(base);
    assert.equal(response.status, 200);
    const html = await response.text();
    for (const id of ['name', 'email', 'team']) assert.match(html, new RegExp(`<label for="${id}"`));
    assert.match(html, /<form method="post" action="\/"/);
  });

  it('signing up creates the learner and an attempt, shows the personal link, and sets an HttpOnly SameSite=Strict cookie', async () => {
    const { response, html } = await signIn('Ana López', 'Ana.Lopez@Example.com', 'Sales');
    assert.equal(response.status, 200);
    assert.ok(linkPathIn(html), 'the welcome page shows the personal link');
    assert.match(html, /href="\/learn"/);
    const line = response.headers.getSetCookie().find((c) => c.startsWith(`${server.cookies.learner}=`)) ?? '';
    assert.match(line, /HttpOnly/);
    assert.match(line, /SameSite=Strict/);
    const learner = db.learnerByEmail('ana.lopez@example.com');
    assert.equal(learner?.name, 'Ana López');
    assert.equal(learner?.team, 'Sales');
  });

  it('refuses a sign-in without a name or with a bad email, announcing the errors', async () => {
    const before = db.listLearners().length;
    const c = client();
    const response = await c.submit('/', { name: '', email: 'not-an-email' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /role="alert"/);
    assert.match(html, /id="name"[^>]*aria-invalid="true"/);
    assert.equal(c.learnerCookie(), undefined);
    const bad = await c.submit('/', { name: 'X', email: 'nope' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="email"[^>]*aria-invalid="true"/);
    assert.equal(db.listLearners().length, before);
  });

  it('a signed-in learner at the root address is offered the course or signing out, not sent on', async () => {
    const { client: c } = await signIn('Dana <Reyes>', 'dana@example.com');
    const response = await c.get('/', { redirect: 'manual' });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h2 id="signed-in-heading">You’re signed in as Dana &#60;Reyes&#62;<\/h2>/);
    assert.match(html, /<a class="button" href="\/learn">Continue the course<\/a>/);
    assert.match(html, /<form method="post" action="\/logout"><input type="hidden" name="csrf" value="[^"]+"><p>Not Dana &#60;Reyes&#62;\? <button type="submit" class="link">Sign out<\/button>/);
    assert.match(html, /<form method="post" action="\/" novalidate>/, 'and the form, for someone else');
    assert.doesNotMatch(await client().get('/').then((r) => r.text()), /signed-in-heading/, 'nobody signed in: the form alone');
  });

  it('the course page names the learner, offers signing out, and leaves the course title to the course', async () => {
    const { client: c } = await signIn('Eli Moss', 'eli@example.com');
    const html = await (await c.get('/learn')).text();
    assert.match(html, /<header>\n<p>Signed in as Eli Moss/);
    assert.match(html, /<form method="post" action="\/logout" id="sign-out">/);
    assert.doesNotMatch(html, /<h1/, 'the course shows its title in its own banner');
  });

  it('/learn needs a session', async () => {
    const none = await fetch(new URL('/learn', base), { redirect: 'manual' });
    assert.equal(none.status, 303);
    assert.equal(none.headers.get('location'), '/');
    const forged = await fetch(new URL('/learn', base), { redirect: 'manual', headers: { cookie: `${server.cookies.learner}=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` } });
    assert.equal(forged.status, 303);
  });

  it('stores a commit and hands it back at the next launch, with the learner from the records', async () => {
    const { client: c, html } = await signIn('Ben Ode', 'ben@example.com');
    const first = await learnConfig(c);
    assert.equal(first.cmi['entry'], 'ab-initio');
    assert.equal(first.cmi['learner_id'], 'ben-at-example.com');
    assert.equal(first.cmi['learner_name'], 'Ben Ode');
    assert.equal(first.cmi['scaled_passing_score'], '0.8');

    const commit = { cmi: { suspend_data: 'progress-1', completion_status: 'incomplete', learner_id: 'someone-else', session_time: 'PT1M', exit: 'suspend' } };
    const ok = await postCommit(c, JSON.stringify(commit));
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { result: true, errorCode: 0, sequence: 1 });
    // sendBeacon's final commit comes as text/plain.
    const beacon = await postCommit(c, JSON.stringify({ cmi: { ...commit.cmi, suspend_data: 'progress-2' } }), 'text/plain;charset=UTF-8');
    assert.equal(beacon.status, 200);

    const saved = db.latestCommit(attemptOf('ben@example.com').id);
    assert.equal(saved?.sequence, 2);
    assert.equal(saved?.body.cmi['suspend_data'], 'progress-2');
    assert.equal(saved?.body.cmi['learner_id'], 'ben-at-example.com', 'the learner comes from the session, not the body');

    const again = client();
    assert.equal((await again.followLink(linkPathIn(html) ?? '')).status, 303);
    const next = await learnConfig(again);
    assert.equal(next.cmi['entry'], 'resume');
    assert.equal(next.cmi['suspend_data'], 'progress-2');
    assert.equal(next.cmi['session_time'], undefined);
    assert.equal(next.cmi['exit'], undefined);
  });

  it('starts a new attempt at the launch after the learner finished the course', async () => {
    const { client: c, html } = await signIn('Fin Ished', 'fin@example.com');
    const firstAttempt = attemptOf('fin@example.com').id;
    const done = { cmi: { suspend_data: 'all-done', completion_status: 'completed', success_status: 'passed', exit: 'normal' } };
    assert.equal((await postCommit(c, JSON.stringify(done))).status, 200);
    // The finishing session's last commit (at pagehide) still lands.
    assert.equal((await postCommit(c, JSON.stringify(done), 'text/plain;charset=UTF-8')).status, 200);
    const again = client();
    await again.followLink(linkPathIn(html) ?? '');
    const config = await learnConfig(again);
    assert.equal(config.cmi['entry'], 'ab-initio');
    assert.notEqual(attemptOf('fin@example.com').id, firstAttempt);
    assert.equal(db.attemptById(firstAttempt)?.finished, true, 'the finished attempt is closed and kept');
  });

  it('a personal link signs the learner in after one button', async () => {
    const { html } = await signIn('Cleo Park', 'cleo@example.com');
    const path = linkPathIn(html);
    assert.ok(path, 'no personal link on the welcome page');
    const c = client();
    const landing = await c.get(path);
    assert.equal(landing.status, 200);
    assert.match(await landing.text(), /Continue as <strong>Cleo Park<\/strong>/);
    assert.equal(c.learnerCookie(), undefined, 'opening the link alone signs no one in');
    const response = await c.followLink(path);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/learn');
    assert.equal((await learnConfig(c)).cmi['learner_id'], 'cleo-at-example.com');
    const unknown = await fetch(new URL('/l/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', base), { redirect: 'manual' });
    assert.equal(unknown.status, 404);
  });
});

describe('bad requests', () => {
  let dee: CourseClient;
  let attemptId: number;
  before(async () => {
    ({ client: dee } = await signIn('Dee Lane', 'dee@example.com'));
    const ok = await postCommit(dee, JSON.stringify({ cmi: { suspend_data: 'kept' } }));
    assert.equal(ok.status, 200);
    attemptId = attemptOf('dee@example.com').id;
  });

  const unchanged = () => {
    const saved = db.latestCommit(attemptId);
    assert.equal(saved?.sequence, 1);
    assert.equal(saved?.body.cmi['suspend_data'], 'kept');
  };

  for (const [label, body] of [
    ['non-JSON text', 'cmi.suspend_data=evil'],
    ['an empty body', ''],
    ['a JSON array', '[1, 2]'],
    ['JSON without cmi', '{"suspend_data": "evil"}'],
    ['cmi that is not an object', '{"cmi": "evil"}'],
    ['truncated JSON', '{"cmi": {"suspend_data": "ev'],
  ] as const) {
    it(`refuses ${label} with a 400 JSON answer and changes nothing`, async () => {
      const response = await postCommit(dee, body);
      assert.equal(response.status, 400);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      const answer = (await response.json()) as { result: boolean; error: string };
      assert.equal(answer.result, false);
      assert.ok(answer.error.length > 0);
      unchanged();
    });
  }

  it('refuses a body over 1 MB with 413 and changes nothing', async () => {
    const big = JSON.stringify({ cmi: { suspend_data: 'x'.repeat(1024 * 1024 + 10) } });
    const response = await postCommit(dee, big);
    assert.equal(response.status, 413);
    unchanged();
  });

  it('refuses bytes that are not UTF-8', async () => {
    const response = await postCommit(dee, new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]));
    assert.equal(response.status, 400);
    unchanged();
  });

  it('refuses commits without a session, or with an unknown one, with 401', async () => {
    const before = db.stats().commits;
    const url = new URL(await commitUrlOf(dee), base);
    const post = (cookie?: string) => fetch(url, { method: 'POST', body: '{"cmi": {}}', headers: cookie ? { cookie } : {} });
    assert.equal((await post()).status, 401);
    assert.equal((await post(`${server.cookies.learner}=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).status, 401);
    assert.equal((await post(`${server.cookies.learner}=../../etc`)).status, 401);
    assert.equal(db.stats().commits, before);
    unchanged();
  });

  it("another learner's session writes only that learner's record", async () => {
    const other = await signIn('Eve Moss', 'eve@example.com');
    const response = await postCommit(other.client, JSON.stringify({ cmi: { suspend_data: 'eve', learner_id: 'dee-at-example.com' }, attempt_id: attemptId }));
    assert.equal(response.status, 200);
    unchanged();
    const eve = db.latestCommit(attemptOf('eve@example.com').id);
    assert.equal(eve?.body.cmi['suspend_data'], 'eve');
    assert.equal(eve?.body.cmi['learner_id'], 'eve-at-example.com');
  });

  it('refuses cross-origin posts', async () => {
    const response = await dee.post(await commitUrlOf(dee), '{"cmi": {"suspend_data": "x"}}', { origin: 'http://evil.example' });
    assert.equal(response.status, 403);
    unchanged();
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    assert.equal((await fetch(new URL('/nope', base))).status, 404);
    assert.equal((await fetch(new URL('/api/nope', base), { method: 'POST' })).status, 404);
    const get = await dee.get('/api/commit');
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.equal((await fetch(new URL('/learn', base), { method: 'DELETE' })).status, 405);
    assert.equal((await fetch(new URL('/manager/report', base), { method: 'POST' })).status, 405);
    assert.equal((await fetch(new URL('/course/../records.db', base))).status, 404);
    const escape = await fetch(new URL('/course/%2e%2e/data/records.db', base));
    assert.ok(escape.status === 403 || escape.status === 404, `status ${escape.status}`);
    assert.doesNotMatch(await escape.text(), /SQLite format/);
    assert.equal((await fetch(new URL('/course/', base))).status, 200);
  });

  it('refuses a foreign Host header (DNS rebinding) while bound to loopback', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(new URL('/', base), { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 403);
  });
});

describe('managers', () => {
  it('a learner cookie never opens the manager pages', async () => {
    const { client: c } = await signIn('Fay Rowe', 'fay@example.com');
    const token = c.learnerCookie() ?? '';
    for (const path of ['/manager/report', '/manager/report.csv', '/manager/learners']) {
      const response = await fetch(new URL(path, base), { headers: { cookie: `${c.jar.header()}; ${server.cookies.manager}=${token}` }, redirect: 'manual' });
      assert.equal(response.status, 401, path);
    }
    const page = await c.get('/manager');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<label for="passcode">/);
  });

  it('a wrong passcode is refused with 401 and the next try is slowed (429, Retry-After); the right one opens the report', async () => {
    await signIn('=HYPERLINK("http://evil.example","click")', 'formula@example.com', '+Team');
    const m = client();
    const wrong = await m.managerSignIn('wrong-passcode');
    assert.equal(wrong.status, 401);
    assert.equal(m.jar.cookies.get(server.cookies.manager), undefined);
    assert.match(await wrong.text(), /role="alert"/);

    const early = await m.managerSignIn(PASSCODE);
    assert.equal(early.status, 429);
    assert.ok(Number(early.headers.get('retry-after')) >= 1);
    assert.equal(m.jar.cookies.get(server.cookies.manager), undefined, 'even the right passcode waits its turn');

    limiterClock += LIMITER_BASE_MS * 2 + 50;
    const right = await m.managerSignIn(PASSCODE);
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('location'), '/manager/report');
    const line = right.headers.getSetCookie().find((c) => c.startsWith(`${server.cookies.manager}=`)) ?? '';
    assert.match(line, /HttpOnly/);
    assert.match(line, /SameSite=Strict/);

    const report = await m.get('/manager/report');
    assert.equal(report.status, 200);
    assert.match(report.headers.get('content-type') ?? '', /text\/html/);
    const html = await report.text();
    assert.match(html, /Ana López/);
    assert.match(html, /Ben Ode/);
    assert.match(html, /report\.csv/);
    assert.doesNotMatch(html, /someone-else/);

    const csv = await m.get('/manager/report.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="course-report-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 BOM');
    const text = new TextDecoder().decode(bytes.slice(3));
    assert.match(text, /Ana López/);
    assert.match(text, /"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)"/);
    assert.match(text, /'\+Team/);
    assert.doesNotMatch(text, /(^|,)[=+@-]/m, 'no cell starts with a formula character');
  });
});
