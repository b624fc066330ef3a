// The preview LMS: the host's mode for trying the course locally (`npm start`, src/cli/start.ts).
// The host (src/server/host.ts) checks Host and Origin, serves the built course under /course/
// and answers errors; these are the mode's routes:
//   /                      the host page (scorm-again as the LMS, the course in an iframe, a panel)
//   /host.js               the host page's script, bundled by esbuild at start, kept in memory
//   GET  /lms/record?v=…   the saved learner record ({ "cmi": … }) of SCORM 1.2 or 2004, or 204
//   POST /lms/commit?v=…   scorm-again's commits: JSON whatever the Content-Type (sendBeacon's is text/plain)
//   POST /lms/reset?v=…    deletes the record: the next launch is a new attempt
//   GET  /lms/commits?v=…  the sizes of the strict mode's commits that arrived since the last reset
// In cmi5 mode the cmi5 LMS and LRS (cmi5/preview.ts) answer first.
// A bad request gets a 4xx and changes nothing; no request can stop the server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COURSE_HOST_POLICY } from '../../src/server/csp.ts';
import { sendPage, startHost, type HostMode, type HostRequest } from '../../src/server/host.ts';
import { bundleBrowserScript, COMMON_HEADERS, HttpError, MAX_BODY_BYTES, readBody, send, sendJson } from '../../src/server/http.ts';
import { renderHostPage } from './host-page.ts';
import { createCmi5Preview, type Cmi5Preview } from './cmi5/preview.ts';
import { parseCommit, RecordStore } from './records.ts';
import { mergeElements, parseCommitBody } from './strict-rules.ts';
import { isScormVersion, type ScormVersion } from './version.ts';

export { MAX_BODY_BYTES };

export const DEFAULT_PORT = 4321;

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
  /** Where unexpected errors are logged (stderr by default). */
  log?: (line: string) => void;
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

const onlyGet = () => new HttpError(405, 'use GET', { allow: 'GET, HEAD' });
const onlyPost = () => new HttpError(405, 'use POST', { allow: 'POST' });

/** scorm-again reads `result` and `errorCode` from the commit response. */
function lmsSuccess(res: ServerResponse): void {
  sendJson(res, 200, { result: true, errorCode: 0 });
}

function versionOf(url: URL): ScormVersion {
  const v = url.searchParams.get('v');
  if (!isScormVersion(v)) throw new HttpError(400, 'v must be 12 or 2004');
  return v;
}

/** The preview LMS as a mode of the host, and its cmi5 LMS and LRS in cmi5 mode. */
export function previewMode(options: Omit<PreviewServerOptions, 'courseDir' | 'port' | 'log'>): HostMode & { cmi5?: Cmi5Preview } {
  const records = new RecordStore(resolve(options.dataDir));
  let strictCommits: { version: ScormVersion; bytes: number; elements: number }[] = [];
  let port = 0;
  const cmi5 = options.cmi5
    ? createCmi5Preview({ origin: () => `http://127.0.0.1:${port}`, courseId: options.cmi5.courseId, courseTitle: options.courseTitle, passScore: options.passScore, scriptUrl: '/host.js', courseUrl: '/course/index.html' })
    : undefined;

  async function lms(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<boolean> {
    const { pathname } = url;
    if (pathname === '/lms/record') {
      if (method !== 'GET' && method !== 'HEAD') throw onlyGet();
      const saved = await records.read(versionOf(url));
      if (!saved) {
        // A first launch is normal, not an error: 204, so the browser logs no failed request.
        res.writeHead(204, { ...COMMON_HEADERS, 'cache-control': 'no-store' }).end();
        return true;
      }
      sendJson(res, 200, saved.record, { 'last-modified': saved.savedAt.toUTCString() });
      return true;
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
        lmsSuccess(res);
        return true;
      }
      const commit = parseCommit(await readBody(req));
      if (!commit.ok) throw new HttpError(400, commit.reason);
      await records.write(version, commit.record);
      lmsSuccess(res);
      return true;
    }
    if (pathname === '/lms/commits') {
      // What strict commits arrived (sizes only), for tests and anyone measuring a course.
      if (method !== 'GET') throw onlyGet();
      const version = versionOf(url);
      sendJson(res, 200, strictCommits.filter((c) => c.version === version));
      return true;
    }
    if (pathname === '/lms/reset') {
      if (method !== 'POST') throw onlyPost();
      const version = versionOf(url);
      await records.reset(version);
      strictCommits = strictCommits.filter((c) => c.version !== version);
      lmsSuccess(res);
      return true;
    }
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, { url, method, isGet }: HostRequest): Promise<boolean> {
    if (cmi5 && (await cmi5.handle(req, res, url))) return true;
    const { pathname } = url;
    if (pathname.startsWith('/lms/')) return lms(req, res, url, method);
    if (pathname !== '/' && pathname !== '/host.js') return false;
    if (!isGet) throw onlyGet();
    if (pathname === '/host.js') {
      send(res, 200, options.hostScript, 'text/javascript; charset=utf-8');
      return true;
    }
    const v = url.searchParams.get('v');
    if (!isScormVersion(v)) {
      // The version lives in the URL, so a reload or a bookmark keeps it.
      res.writeHead(302, { ...COMMON_HEADERS, location: '/?v=12' }).end();
      return true;
    }
    const page = renderHostPage({ version: v, courseTitle: options.courseTitle, passScore: options.passScore, scriptUrl: '/host.js', courseUrl: '/course/', strict: options.strict === true || url.searchParams.get('strict') === '1' });
    sendPage(res, 200, page, COURSE_HOST_POLICY);
    return true;
  }

  return {
    name: 'preview LMS',
    apiPrefixes: ['/lms/'],
    handle,
    listening: (listeningOn) => {
      port = listeningOn;
    },
    ...(cmi5 ? { cmi5 } : {}),
  };
}

/** The preview LMS on 127.0.0.1 (port 4321 unless told). */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const mode = previewMode(options);
  const host = await startHost(mode, { courseDir: options.courseDir, port: options.port ?? DEFAULT_PORT, ...(options.log ? { log: options.log } : {}) });
  return { url: host.url, port: host.port, close: () => host.close(), ...(mode.cmi5 ? { cmi5: mode.cmi5 } : {}) };
}
