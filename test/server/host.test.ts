// The preview LMS (`npm start`) and the team server (`npm run serve`) are one host in two modes:
// the same assertions run against a real host in each mode, on loopback on a free port. What the
// host owns (Host and Origin checks, the course's files, the error answer) must hold in both.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { previewMode } from '../../scorm/preview/routes.ts';
import { startHost, type Host, type HostMode } from '../../src/server/host.ts';
import { loadCourseForReport } from '../../src/server/manager-report.ts';
import { openRecordsDb, recordsFileIn, type RecordsDb } from '../../src/server/records-db.ts';
import { teamMode } from '../../src/server/routes.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent as written: no URL normalisation, any Host header. */
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const SECRET = 'not for the web';
const SCRIPT = 'console.log("course")';
/** An error as a careless library throws it: more than one line, the second looking like a stack frame. */
const BOOM = 'boom\n    at handler (/app/secret.ts:1:1)';

/** The mode's routes, plus one that fails unexpectedly, as a bug in any route would. */
function failingOnBoom(mode: HostMode): HostMode {
  return { ...mode, handle: (req, res, request) => (request.url.pathname === '/boom' ? Promise.reject(new Error(BOOM)) : mode.handle(req, res, request)) };
}

interface ModeUnderTest {
  name: string;
  /** A path under the mode's API prefix that no route answers. */
  unknownApiPath: string;
  mode(dir: string): Promise<HostMode>;
}

const dbs: RecordsDb[] = [];
const MODES: ModeUnderTest[] = [
  { name: 'preview mode (npm start)', unknownApiPath: '/lms/nothing', mode: (dir) => Promise.resolve(previewMode({ dataDir: join(dir, 'data'), hostScript: '' })) },
  {
    name: 'team mode (npm run serve)',
    unknownApiPath: '/api/nothing',
    mode: (dir) => {
      const db = openRecordsDb(recordsFileIn(join(dir, 'data')));
      dbs.push(db);
      return teamMode({ db, hostScript: '', reportCourse: loadCourseForReport() });
    },
  },
];

for (const under of MODES) {
  describe(`the host in ${under.name}`, () => {
    let dir = '';
    let host: Host;
    const logs: string[] = [];
    const get = (path: string, headers: Record<string, string> = {}) => raw(host.port, 'GET', path, headers);

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'host-test-'));
      const courseDir = join(dir, 'web');
      mkdirSync(join(courseDir, 'assets'), { recursive: true });
      writeFileSync(join(courseDir, 'index.html'), '<!doctype html><title>Course</title><style>p{color:red}</style><p>the course</p>');
      writeFileSync(join(courseDir, 'assets', 'main.js'), SCRIPT);
      // Beside the course, where a traversal would land.
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ secret: SECRET }));
      host = await startHost(failingOnBoom(await under.mode(dir)), { courseDir, port: 0, log: (line) => logs.push(line) });
    });

    after(async () => {
      await host?.close();
      for (const db of dbs.splice(0)) db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('listens on loopback on the port it was given (0: a free one)', () => {
      assert.ok(host.port > 0);
      assert.equal(host.url, `http://127.0.0.1:${host.port}/`);
    });

    it('refuses a Host header that is not this machine’s (DNS rebinding)', async () => {
      assert.equal((await get('/course/index.html')).status, 200, 'its own name is served');
      assert.equal((await get('/course/index.html', { host: `localhost:${host.port}` })).status, 200);
      assert.equal((await get('/course/index.html', { host: `evil.example:${host.port}` })).status, 403);
      assert.equal((await get('/course/index.html', { host: `127.0.0.1:${host.port + 1}` })).status, 403, 'another port is another server');
    });

    it('refuses a state change from an opaque or a foreign origin, on any path', async () => {
      for (const path of ['/nowhere', under.unknownApiPath]) {
        const own = await raw(host.port, 'POST', path, { origin: `http://127.0.0.1:${host.port}` });
        assert.equal(own.status, 404, `${path} from its own origin reaches the routes`);
        for (const origin of ['null', 'http://evil.example']) {
          const refused = await raw(host.port, 'POST', path, { origin });
          assert.equal(refused.status, 403, `${path} from Origin: ${origin}`);
          assert.match(refused.body, /origin/i, 'the refusal says why');
        }
      }
      const crossSite = await raw(host.port, 'POST', '/nowhere', { 'sec-fetch-site': 'cross-site' });
      assert.equal(crossSite.status, 403, 'a browser saying the request is cross-site');
    });

    it('serves the course with a policy that lets only this origin frame it', async () => {
      for (const path of ['/course/', '/course/index.html', '/course/assets/main.js']) {
        const response = await get(path);
        assert.equal(response.status, 200, path);
        const policy = String(response.headers['content-security-policy'] ?? '');
        assert.match(policy, /frame-ancestors 'self'/, path);
        assert.doesNotMatch(policy, /unsafe-inline/, path);
        assert.equal(response.headers['cache-control'], 'no-cache', path);
        assert.equal(response.headers['x-content-type-options'], 'nosniff', path);
      }
      const index = await get('/course/');
      assert.match(index.body, /<title>Course<\/title>/, 'a folder answers with its index.html');
      assert.equal((await get('/course/assets/main.js')).headers['content-type'], 'text/javascript; charset=utf-8');
      const redirect = await get('/course');
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers['location'], '/course/');
    });

    it('refuses paths that leave the course', async () => {
      // The URL parser takes %2e%2e for `..` and the path leaves /course/ before the host sees it.
      const dotted = await get('/course/%2e%2e/package.json');
      assert.equal(dotted.status, 404);
      assert.doesNotMatch(dotted.body, new RegExp(SECRET));
      for (const path of ['/course/..%2fpackage.json', '/course/assets/..%2f..%2fpackage.json', '/course/..%5cpackage.json', '/course/%00', '/course/index.html%00.js']) {
        const response = await get(path);
        assert.equal(response.status, 403, path);
        assert.doesNotMatch(response.body, new RegExp(SECRET), `${path} leaks the file beside the course`);
      }
      assert.equal((await get('/course/%E0%A4%A')).status, 400, 'a malformed escape');
      assert.equal((await get('/course/missing.js')).status, 404);
    });

    it('answers HEAD with the headers and no body', async () => {
      const head = await raw(host.port, 'HEAD', '/course/assets/main.js');
      assert.equal(head.status, 200);
      assert.equal(head.headers['content-length'], String(Buffer.byteLength(SCRIPT)));
      assert.match(String(head.headers['content-security-policy'] ?? ''), /frame-ancestors 'self'/);
      assert.equal(head.body, '');
      const post = await raw(host.port, 'POST', '/course/index.html');
      assert.equal(post.status, 405, 'the course is read-only');
    });

    it('answers unknown paths with 404: a page, or JSON under the mode’s API', async () => {
      const page = await get('/no-such-page');
      assert.equal(page.status, 404);
      assert.match(String(page.headers['content-type']), /text\/html/);
      assert.doesNotMatch(String(page.headers['content-security-policy'] ?? ''), /unsafe-inline/);
      const api = await get(under.unknownApiPath);
      assert.equal(api.status, 404);
      assert.match(String(api.headers['content-type']), /application\/json/);
      assert.deepEqual(JSON.parse(api.body), { result: false, errorCode: 101, error: 'not found' }, 'scorm-again reads result and errorCode');
    });

    it('answers an unexpected error with 500 and logs one escaped line, without a stack trace', async () => {
      logs.length = 0;
      const response = await get('/boom');
      assert.equal(response.status, 500);
      assert.match(response.body, /internal error/);
      assert.doesNotMatch(response.body, /boom|secret\.ts/, 'the client learns nothing of the error');
      assert.equal(logs.length, 1, logs.join('|'));
      const [line = ''] = logs;
      assert.match(line, /GET \/boom: boom/);
      assert.doesNotMatch(line, /\n/, 'one line: the message is escaped');
      assert.doesNotMatch(line, /host\.ts|node:internal|\n\s+at /, 'no stack trace of the host');
      assert.equal((await get('/course/index.html')).status, 200, 'and it keeps serving');
    });
  });
}
