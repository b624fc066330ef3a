/** The preview LMS's server: the learner record API, its refusals, and what it serves. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { bundleHostScript, MAX_BODY_BYTES, startPreviewServer, type PreviewServer } from '../../scorm/preview/routes.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent as written: no URL normalisation, any Host header. */
function raw(server: PreviewServer, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const COMMIT_12 = {
  cmi: {
    suspend_data: 'v1.progress',
    core: { lesson_location: 'lesson_1', lesson_status: 'incomplete', exit: 'suspend', session_time: '0000:01:02.00' },
    interactions: { '0': { id: 'q_1', type: 'choice', student_response: 'a', result: 'correct' } },
  },
};

describe('the preview LMS server', () => {
  let dir = '';
  let dataDir = '';
  let server: PreviewServer;
  let hostScript = '';

  const url = (path: string) => new URL(path, server.url).href;
  const record = (v: string) => fetch(url(`/lms/record?v=${v}`));
  const commit = (v: string, body: string, type = 'application/json;charset=UTF-8') =>
    fetch(url(`/lms/commit?v=${v}`), { method: 'POST', body, headers: { 'content-type': type } });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'preview-lms-'));
    dataDir = join(dir, 'data');
    const courseDir = join(dir, 'course');
    await mkdir(join(courseDir, 'assets'), { recursive: true });
    await writeFile(join(courseDir, 'index.html'), '<!doctype html><title>Course</title><script type="module" src="./assets/main.js"></script>');
    await writeFile(join(courseDir, 'assets', 'main.js'), 'console.log("course")');
    await writeFile(join(dir, 'secret.txt'), 'not for the web');
    hostScript = await bundleHostScript();
    server = await startPreviewServer({ courseDir, dataDir, hostScript, port: 0, courseTitle: 'A <course>', passScore: 80 });
  });

  after(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    for (const v of ['12', '2004']) await fetch(url(`/lms/reset?v=${v}`), { method: 'POST' });
  });

  it('answers 204 (no content, not an error) for a learner with no record, then gives back what was committed', async () => {
    assert.equal((await record('12')).status, 204);
    const response = await commit('12', JSON.stringify(COMMIT_12));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { result: true, errorCode: 0 });
    const saved = await record('12');
    assert.equal(saved.status, 200);
    assert.deepEqual(await saved.json(), COMMIT_12);
    assert.ok(saved.headers.get('last-modified'), 'says when the record was saved');
    assert.equal((await record('2004')).status, 204, 'each version has its own record');
  });

  it('takes a sendBeacon commit (text/plain) and one with no content type at all', async () => {
    const beacon = { cmi: { suspend_data: 'from the beacon', location: 'lesson_2', exit: 'suspend' } };
    assert.equal((await commit('2004', JSON.stringify(beacon), 'text/plain;charset=UTF-8')).status, 200);
    assert.deepEqual(await (await record('2004')).json(), beacon);
    const bare = await raw(server, 'POST', '/lms/commit?v=2004', {}, JSON.stringify({ cmi: { location: 'x' } }));
    assert.equal(bare.status, 200);
    assert.deepEqual(await (await record('2004')).json(), { cmi: { location: 'x' } });
  });

  it('refuses malformed bodies with 400 and keeps the record as it was', async () => {
    await commit('12', JSON.stringify(COMMIT_12));
    const bad = ['{"cmi": {', 'null', '[]', '"text"', '{"cmi": []}', '{"cmi": "x"}', '{"core": {}}', ''];
    for (const body of bad) {
      const response = await commit('12', body, 'text/plain');
      assert.equal(response.status, 400, `refuses ${JSON.stringify(body)}`);
      const answer = (await response.json()) as { result: unknown; errorCode: unknown };
      assert.equal(answer.result, false, 'scorm-again reads the refusal as a failed commit');
      assert.equal(answer.errorCode, 101);
    }
    const notUtf8 = await raw(server, 'POST', '/lms/commit?v=12', { 'content-type': 'text/plain' }, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    assert.equal(notUtf8.status, 400);
    assert.deepEqual(await (await record('12')).json(), COMMIT_12);
  });

  it('refuses bodies over 1 MB with 413, declared or streamed, and keeps the record', async () => {
    await commit('12', JSON.stringify(COMMIT_12));
    const big = JSON.stringify({ cmi: { suspend_data: 'x'.repeat(MAX_BODY_BYTES) } });
    assert.equal((await commit('12', big)).status, 413);
    // Chunked, with no Content-Length: refused as the body passes the limit.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/lms/commit?v=12', headers: { 'content-type': 'text/plain' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(413) : reject(error)));
      const chunk = 'y'.repeat(64 * 1024);
      for (let i = 0; i < 20; i += 1) req.write(chunk);
      req.end();
    });
    assert.equal(streamed, 413);
    assert.deepEqual(await (await record('12')).json(), COMMIT_12);
    // Just under the limit is fine.
    const fits = JSON.stringify({ cmi: { suspend_data: 'z'.repeat(MAX_BODY_BYTES - 100) } });
    assert.equal((await commit('12', fits)).status, 200);
  });

  it('resets one version: its record is gone, the other stays', async () => {
    await commit('12', JSON.stringify(COMMIT_12));
    await commit('2004', JSON.stringify({ cmi: { location: 'kept' } }));
    const response = await fetch(url('/lms/reset?v=12'), { method: 'POST' });
    assert.equal(response.status, 200);
    assert.equal((await record('12')).status, 204);
    assert.deepEqual(await (await record('2004')).json(), { cmi: { location: 'kept' } });
    assert.equal((await fetch(url('/lms/reset?v=12'), { method: 'POST' })).status, 200, 'resetting twice is fine');
  });

  it('writes records atomically: no temporary files are left behind', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => commit('2004', JSON.stringify({ cmi: { location: `l${i}` } }))));
    const files = await readdir(dataDir);
    assert.deepEqual(files.sort(), ['record-2004.json']);
    const saved = (await (await record('2004')).json()) as { cmi: { location: string } };
    assert.match(saved.cmi.location, /^l\d+$/);
  });

  it('refuses unknown versions, wrong methods, other sites and other host names', async () => {
    assert.equal((await record('3')).status, 400);
    assert.equal((await record('..%2F..%2Fsecret')).status, 400);
    assert.equal((await fetch(url('/lms/record'))).status, 400);
    const get = await fetch(url('/lms/commit?v=12'));
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.equal((await fetch(url('/lms/record?v=12'), { method: 'POST', body: '{}' })).status, 405);
    const crossSite = await raw(server, 'POST', '/lms/reset?v=12', { origin: 'http://evil.example' });
    assert.equal(crossSite.status, 403);
    const rebound = await raw(server, 'GET', '/lms/record?v=12', { host: `evil.example:${server.port}` });
    assert.equal(rebound.status, 403);
    assert.equal((await fetch(url('/nothing-here'))).status, 404);
  });

  it('serves the course and refuses paths that leave it', async () => {
    const index = await fetch(url('/course/'));
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await index.text(), /<title>Course<\/title>/);
    assert.equal((await fetch(url('/course/assets/main.js'))).headers.get('content-type'), 'text/javascript; charset=utf-8');
    const redirect = await fetch(url('/course'), { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    for (const path of [
      '/course/../secret.txt',
      '/course/../../secret.txt',
      '/course/%2e%2e/secret.txt',
      '/course/..%2fsecret.txt',
      '/course/..%2f..%2fsecret.txt',
      '/course/%2e%2e%2fsecret.txt',
      '/course/..%5csecret.txt',
      '/course/assets/..%2f..%2fsecret.txt',
      '/course/%00',
      '/course/%E0%A4%A',
    ]) {
      const response = await raw(server, 'GET', path);
      assert.ok([400, 403, 404].includes(response.status), `${path} answers ${response.status}`);
      assert.doesNotMatch(response.body, /not for the web/, `${path} leaks a file`);
    }
  });

  it('serves the host page, which loads nothing from other hosts', async () => {
    const bare = await fetch(url('/'), { redirect: 'manual' });
    assert.equal(bare.status, 302);
    assert.equal(bare.headers.get('location'), '/?v=12', 'the version lives in the URL');
    for (const v of ['12', '2004']) {
      const page = await fetch(url(`/?v=${v}`));
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<h1>Preview LMS/);
      assert.match(html, /A &#60;course&#62;/, 'the course title is escaped');
      assert.match(html, /<iframe id="course-frame" title="[^"]+"><\/iframe>/, 'the iframe has a title and no src until the API is in place');
      assert.match(html, new RegExp(`data-version="${v}" aria-current="page"`));
      assert.match(html, /<button type="button" id="reset"[^>]*>Reset \(new attempt\)<\/button>/);
      const refs = [...html.matchAll(/\b(?:src|href|action)="([^"]*)"/g)].map((m) => m[1] ?? '');
      assert.ok(refs.length > 2);
      for (const ref of refs) assert.doesNotMatch(ref, /^(?:[a-z]+:)?\/\/|^https?:/i, `${ref} points elsewhere`);
      assert.doesNotMatch(html, /https?:\/\//);
      const policy = page.headers.get('content-security-policy') ?? '';
      assert.match(policy, /default-src 'self'/);
      assert.doesNotMatch(policy, /https?:|\*/);
    }
    const script = await fetch(url('/host.js'));
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    const code = await script.text();
    assert.equal(code, hostScript);
    assert.doesNotMatch(code, /https?:\/\//, 'the host script names no other host');
    assert.match(code, /\/lms\/commit\?v=/);
  });

  it('keeps answering after all of that', async () => {
    const garbage = await raw(server, 'GET', '/%', {});
    assert.ok(garbage.status === 400 || garbage.status === 404);
    assert.equal((await fetch(url('/?v=2004'))).status, 200);
    assert.equal((await commit('12', JSON.stringify(COMMIT_12))).status, 200);
  });
});
