// The local preview LMS (`npm start`): builds the course, then serves on 127.0.0.1
//   /                      the host page (scorm-again as the LMS, the course in an iframe, a panel)
//   /host.js               the host page's script, bundled by esbuild at start, kept in memory
//   /course/…              the built course (dist/web)
//   GET  /lms/record?v=…   the saved learner record ({ "cmi": … }) of SCORM 1.2 or 2004, or 204
//   POST /lms/commit?v=…   scorm-again's commits: JSON whatever the Content-Type (sendBeacon's is text/plain)
//   POST /lms/reset?v=…    deletes the record: the next launch is a new attempt
//   GET  /lms/commits?v=…  the sizes of the strict mode's commits that arrived since the last reset
// A bad request gets a 4xx and changes nothing; no request can stop the server.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { numberOption, parseCommandLine } from '../../src/node/args.ts';
import { CliError, errorMessage, runCli, UsageError } from '../../src/node/fail.ts';
import { renderHostPage } from './host-page.ts';
import { createCmi5Preview, readCourseId, type Cmi5Preview } from './cmi5/preview.ts';
import { parseCommit, RecordStore } from './records.ts';
import { mergeElements, parseCommitBody } from './strict-rules.ts';
import { isScormVersion, type ScormVersion } from './version.ts';
import { bundleBrowserScript, COMMON_HEADERS, guardedServer, HttpError, MAX_BODY_BYTES, readBody, send, sendJson } from '../../src/server/http.ts';

export { MAX_BODY_BYTES };

export const DEFAULT_PORT = 4321;
const REPO = fileURLToPath(new URL('../../', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// The host page loads nothing from elsewhere; the policy makes sure of it.
const HOST_PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

export interface PreviewServerOptions {
  /** The built course (index.html and its assets). */
  courseDir: string;
  /** Where learner records are kept. */
  dataDir: string;
  /** The host page's script (see bundleHostScript). */
  hostScript: string;
  /** 0 picks a free port. */
  port?: number;
  courseTitle?: string | undefined;
  passScore?: number | undefined;
  /** Be a cmi5 LMS and LRS instead of a SCORM LMS (hostScript is then bundleCmi5HostScript()'s). */
  cmi5?: { courseId: string } | undefined;
  /** Behave like a strict LMS by default (`--strict`); `&strict=1` asks for it per page. */
  strict?: boolean | undefined;
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** The cmi5 LMS and LRS, in cmi5 mode. */
  cmi5?: Cmi5Preview;
}

/** The host page's script: scorm/preview/host.ts and scorm-again, bundled in memory. */
export function bundleHostScript(): Promise<string> {
  return bundleBrowserScript(fileURLToPath(new URL('./host.ts', import.meta.url)));
}

export function bundleCmi5HostScript(): Promise<string> {
  return bundleBrowserScript(fileURLToPath(new URL('./cmi5/host.ts', import.meta.url)));
}

/** The course's title and pass mark from lessons/course.yaml, for the page title and the LMS's mastery score. */
export function readCourseInfo(file = resolve(REPO, 'lessons/course.yaml')): { courseTitle?: string; passScore?: number } {
  try {
    const data: unknown = parseYaml(readFileSync(file, 'utf8'));
    if (typeof data !== 'object' || data === null) return {};
    const d = data as Record<string, unknown>;
    const info: { courseTitle?: string; passScore?: number } = {};
    if (typeof d['title'] === 'string') info.courseTitle = d['title'];
    if (typeof d['passScore'] === 'number' && d['passScore'] >= 0 && d['passScore'] <= 100) info.passScore = d['passScore'];
    return info;
  } catch {
    return {};
  }
}

const onlyGet = () => new HttpError(405, 'use GET', { allow: 'GET, HEAD' });
const onlyPost = () => new HttpError(405, 'use POST', { allow: 'POST' });

/** scorm-again reads `result` and `errorCode` from the commit response; 101 is "general exception". */
function lmsAnswer(res: ServerResponse, status: number, error?: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, error === undefined ? { result: true, errorCode: 0 } : { result: false, errorCode: 101, error }, headers);
}

function versionOf(url: URL): ScormVersion {
  const v = url.searchParams.get('v');
  if (!isScormVersion(v)) throw new HttpError(400, 'v must be 12 or 2004');
  return v;
}

/** The file under `root` that `path` (already decoded) names, or undefined when it would leave root. */
export function confinedPath(root: string, path: string): string | undefined {
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const file = resolve(root, `.${path.startsWith('/') ? path : `/${path}`}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

export function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const courseRoot = resolve(options.courseDir);
  const records = new RecordStore(resolve(options.dataDir));
  let strictCommits: { version: ScormVersion; bytes: number; elements: number }[] = [];
  let port = 0;
  const cmi5 = options.cmi5
    ? createCmi5Preview({ origin: () => `http://127.0.0.1:${port}`, courseId: options.cmi5.courseId, courseTitle: options.courseTitle, passScore: options.passScore, scriptUrl: '/host.js', courseUrl: '/course/index.html' })
    : undefined;

  function allowedHost(host: string | undefined): boolean {
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  async function serveCourseFile(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname.slice('/course'.length));
    } catch {
      throw new HttpError(400, 'malformed path');
    }
    let file = confinedPath(courseRoot, decoded);
    if (!file) throw new HttpError(403, 'outside the course');
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = resolve(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) throw new HttpError(404, 'not found');
    res.writeHead(200, { ...COMMON_HEADERS, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': String(info.size) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(file), res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this machine's own names: a web page can't reach the records through DNS rebinding.
    if (!allowedHost(req.headers.host)) throw new HttpError(403, 'unexpected Host header');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    } catch {
      throw new HttpError(400, 'malformed URL');
    }
    const method = req.method ?? 'GET';
    const { pathname } = url;
    if (cmi5 && (await cmi5.handle(req, res, url))) return;

    if (pathname.startsWith('/lms/')) {
      // Other sites' pages may not post commits or resets here.
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${req.headers.host}`) throw new HttpError(403, 'cross-origin request');
      if (pathname === '/lms/record') {
        if (method !== 'GET' && method !== 'HEAD') throw onlyGet();
        const saved = await records.read(versionOf(url));
        if (!saved) {
          // A first launch is normal, not an error: 204, so the browser logs no failed request.
          res.writeHead(204, { ...COMMON_HEADERS, 'cache-control': 'no-store' }).end();
          return;
        }
        sendJson(res, 200, saved.record, { 'last-modified': saved.savedAt.toUTCString() });
        return;
      }
      if (pathname === '/lms/commit') {
        if (method !== 'POST') throw onlyPost();
        const version = versionOf(url);
        if (url.searchParams.get('form') === 'moodle') {
          // The strict mode's commits: some elements, form-encoded as Moodle's player posts them.
          const body = await readBody(req);
          const elements = parseCommitBody(body);
          strictCommits.push({ version, bytes: Buffer.byteLength(body), elements: elements.size });
          await records.update(version, (cmi) => mergeElements(cmi, elements));
          lmsAnswer(res, 200);
          return;
        }
        const commit = parseCommit(await readBody(req));
        if (!commit.ok) throw new HttpError(400, commit.reason);
        await records.write(version, commit.record);
        lmsAnswer(res, 200);
        return;
      }
      if (pathname === '/lms/commits') {
        // What strict commits arrived (sizes only), for tests and anyone measuring a course.
        if (method !== 'GET') throw onlyGet();
        const version = versionOf(url);
        sendJson(res, 200, strictCommits.filter((c) => c.version === version));
        return;
      }
      if (pathname === '/lms/reset') {
        if (method !== 'POST') throw onlyPost();
        const version = versionOf(url);
        await records.reset(version);
        strictCommits = strictCommits.filter((c) => c.version !== version);
        lmsAnswer(res, 200);
        return;
      }
      throw new HttpError(404, 'not found');
    }

    if (method !== 'GET' && method !== 'HEAD') throw onlyGet();
    if (pathname === '/') {
      const v = url.searchParams.get('v');
      if (!isScormVersion(v)) {
        // The version lives in the URL, so a reload or a bookmark keeps it.
        res.writeHead(302, { ...COMMON_HEADERS, location: '/?v=12' }).end();
        return;
      }
      const html = renderHostPage({ version: v, courseTitle: options.courseTitle, passScore: options.passScore, scriptUrl: '/host.js', courseUrl: '/course/', strict: options.strict === true || url.searchParams.get('strict') === '1' });
      send(res, 200, html, 'text/html; charset=utf-8', { 'content-security-policy': HOST_PAGE_POLICY });
      return;
    }
    if (pathname === '/host.js') {
      send(res, 200, options.hostScript, 'text/javascript; charset=utf-8');
      return;
    }
    if (pathname === '/course') {
      res.writeHead(301, { ...COMMON_HEADERS, location: '/course/' }).end();
      return;
    }
    if (pathname.startsWith('/course/')) {
      await serveCourseFile(req, res, pathname);
      return;
    }
    throw new HttpError(404, 'not found');
  }

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    const status = error instanceof HttpError ? error.status : 500;
    if (status === 500) process.stderr.write(`preview LMS: ${req.method ?? ''} ${req.url ?? ''}: ${errorMessage(error)}\n`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const message = error instanceof HttpError ? error.message : 'internal error';
    // Past the size limit the rest of the body is not read: close the connection after answering.
    const headers: Record<string, string> = { ...(error instanceof HttpError ? error.headers : {}), ...(status === 413 ? { connection: 'close' } : {}) };
    if (req.url?.startsWith('/lms/')) lmsAnswer(res, status, message, headers);
    else send(res, status, `${message}\n`, 'text/plain; charset=utf-8', headers);
  }

  const server: Server = guardedServer(handle, fail);

  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, '127.0.0.1', () => {
      server.off('error', reject);
      server.on('error', (error) => process.stderr.write(`preview LMS: ${errorMessage(error)}\n`));
      port = (server.address() as AddressInfo).port;
      resolveServer({
        url: `http://127.0.0.1:${port}/`,
        port,
        ...(cmi5 ? { cmi5 } : {}),
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Opens the URL in the desktop's browser when there is one; anything going wrong is ignored. */
function openBrowser(url: string): void {
  const platform = process.platform;
  if (platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return;
  const [cmd, args] = platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher: the URL is printed anyway.
  }
}

const HELP = `Usage: npm start [-- options]
       node --import tsx scorm/preview/server.ts [options]

Builds the course and serves it inside a local preview LMS (scorm-again as SCORM 1.2 or 2004).

Options:
  --port N     port on 127.0.0.1 (default ${DEFAULT_PORT})
  --data DIR   where learner records are kept (default .preview-lms/)
  --open       open the page in a browser, when this machine has a display
  --no-build   serve dist/web as it is, without building the course first
  --cmi5       be a cmi5 LMS and LRS instead (launches the course as a cmi5 AU, lists its statements)
  --strict     behave like a strict LMS (Moodle's player): see README, "Strict preview"
  -h, --help   show this help
`;

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    port: { type: 'string' },
    data: { type: 'string' },
    open: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    cmi5: { type: 'boolean' },
    strict: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_PORT : numberOption('port', values.port, 1, 65535);
  if (!Number.isInteger(port)) throw new UsageError(`--port must be a whole number, got "${values.port ?? ''}"`);
  const courseDir = resolve('dist/web');

  if (!values['no-build']) {
    process.stdout.write('Building the course…\n');
    try {
      const { buildCourse } = await import('../../src/build/course-build.ts');
      await buildCourse(courseDir);
    } catch (error) {
      if (!existsSync(resolve(courseDir, 'index.html'))) throw new CliError(`the course did not build: ${errorMessage(error)}`);
      process.stderr.write(`The course did not build (${errorMessage(error)}); serving the previous build in dist/web.\n`);
    }
  }
  if (!existsSync(resolve(courseDir, 'index.html'))) throw new CliError('dist/web has no built course: run npm run build, or start without --no-build');

  const hostScript = await (values.cmi5 ? bundleCmi5HostScript() : bundleHostScript());
  let server: PreviewServer;
  try {
    const cmi5 = values.cmi5 ? { cmi5: { courseId: readCourseId() } } : {};
    server = await startPreviewServer({ courseDir, dataDir: resolve(values.data ?? '.preview-lms'), hostScript, port, strict: values.strict, ...readCourseInfo(), ...cmi5 });
  } catch (error) {
    const inUse = typeof error === 'object' && error !== null && 'code' in error && error.code === 'EADDRINUSE';
    throw new CliError(inUse ? `port ${port} is in use: try --port ${port + 1}` : `could not start the server: ${errorMessage(error)}`);
  }
  const kept = values.cmi5 ? 'cmi5: statements and state kept in memory' : `learner records in ${values.data ?? '.preview-lms/'}`;
  process.stdout.write(`Preview LMS: ${server.url}  (${kept}; Ctrl+C stops it)\n`);
  if (values.open) openBrowser(server.url);
  process.on('SIGINT', () => {
    void server.close().then(() => process.exit(0));
  });
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runCli('preview', main);
