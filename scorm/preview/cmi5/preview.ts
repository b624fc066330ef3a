/**
 * `npm start -- --cmi5`: the preview LMS as a cmi5 LMS. Beside the LRS's own routes (lrs.ts):
 *   GET  /                 the host page: the AU in an iframe, the statements in the side panel
 *   POST /cmi5/launch      launches the AU (?mode=Normal|Browse|Review) and answers its launch URL
 *   GET  /cmi5/statements  every statement stored, and the ones refused with why (JSON)
 *   POST /cmi5/reset       a new registration: the next launch starts afresh
 *   GET  /cmi5/returned    where the AU goes when it leaves (the LMS's returnURL)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultCourseIri } from '../../../src/lms/cmi5/iri.ts';
import { COURSE_HOST_POLICY, FRAMED_PAGE_POLICY } from '../../../src/server/csp.ts';
import { sendPage } from '../../../src/server/host.ts';
import { escapeHtml, HttpError, scriptJson, sendJson } from '../../../src/server/http.ts';
import { renderPreviewPage } from '../host-page.ts';
import { TestLrs } from './lrs.ts';

export const LAUNCH_MODES = ['Normal', 'Browse', 'Review'] as const;

export interface Cmi5Preview {
  lrs: TestLrs;
  /** Answers the request when it is the cmi5 preview's; false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

export interface Cmi5PreviewOptions {
  /** The server's origin, once it listens. */
  origin: () => string;
  courseId: string;
  courseTitle?: string | undefined;
  passScore?: number | undefined;
  /** The host page's script, and the AU's URL (the built course's index.html), both on this server. */
  scriptUrl: string;
  courseUrl: string;
}

export function createCmi5Preview(options: Cmi5PreviewOptions): Cmi5Preview {
  const lrs = new TestLrs({ origin: options.origin, courseIri: defaultCourseIri(options.courseId), masteryScore: (options.passScore ?? 80) / 100 });
  const title = options.courseTitle ?? 'the course';
  const post = (method: string) => {
    if (method !== 'POST') throw new HttpError(405, 'use POST', { allow: 'POST' });
  };
  return {
    lrs,
    async handle(req, res, url) {
      if (await lrs.handle(req, res, url)) return true;
      const method = req.method ?? 'GET';
      switch (url.pathname) {
        case '/':
          sendPage(res, 200, renderCmi5Page(title, options.scriptUrl), COURSE_HOST_POLICY);
          return true;
        case '/cmi5/launch': {
          post(method);
          const mode = LAUNCH_MODES.find((m) => m === (url.searchParams.get('mode') ?? 'Normal'));
          if (!mode) throw new HttpError(400, `mode must be one of ${LAUNCH_MODES.join(', ')}`);
          const origin = options.origin();
          const session = lrs.launch({ auUrl: new URL(options.courseUrl, origin).href, launchMode: mode, returnUrl: new URL('/cmi5/returned', origin).href });
          sendJson(res, 200, { url: session.launchUrl, sessionId: session.sessionId, registration: session.registration });
          return true;
        }
        case '/cmi5/statements':
          sendJson(res, 200, { registration: lrs.currentRegistration, statements: lrs.statements, refusals: lrs.refusals });
          return true;
        case '/cmi5/reset':
          post(method);
          lrs.newRegistration();
          sendJson(res, 200, { registration: lrs.currentRegistration });
          return true;
        case '/cmi5/returned':
          // Shown in the course's frame, so framed by this origin only.
          sendPage(res, 200, RETURNED_PAGE, FRAMED_PAGE_POLICY);
          return true;
        default:
          return false;
      }
    },
  };
}

const RETURNED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back in the LMS</title></head>
<body><main><h1>Back in the preview LMS</h1><p>The course ended its session and returned here (the LMS's returnURL). Launch it again from the page above.</p></main></body></html>`;

export function renderCmi5Page(courseTitle: string, scriptUrl: string): string {
  const modes = LAUNCH_MODES.map((m) => `<option value="${m}">${m}</option>`).join('');
  return renderPreviewPage({
    title: `Preview LMS (cmi5): ${courseTitle}`,
    courseTitle: escapeHtml(courseTitle),
    headingSuffix: ' · cmi5',
    controls: `<div class="launch">
    <label for="mode">Launch mode</label>
    <select id="mode">${modes}</select>
    <button type="button" id="launch">Launch again</button>
  </div>`,
    resetLabel: 'New registration',
    panelHeading: 'What the LRS receives',
    panelNote: "A local LMS and LRS: every statement is checked with Learning Locker's xAPI validator and the cmi5 rules, as a strict LRS would.",
    panel: `    <dl id="session"></dl>
    <section aria-labelledby="refused-heading">
      <h3 id="refused-heading">Refused statements</h3>
      <p id="refused-summary" role="status">None so far.</p>
      <ul id="refused" class="refused"></ul>
    </section>
    <section aria-labelledby="statements-heading">
      <h3 id="statements-heading">Statements (<span id="statements-count">0</span>)</h3>
      <div class="scroll" role="region" aria-labelledby="statements-heading" tabindex="0">
        <table>
          <thead><tr><th scope="col">Time</th><th scope="col">Verb</th><th scope="col">Object</th><th scope="col">Result</th></tr></thead>
          <tbody id="statements-body"></tbody>
        </table>
      </div>
    </section>`,
    styles: `
  .launch { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  select { font: inherit; padding: 0.3rem; }
  .refused { color: #8a1c1c; }
`,
    scriptUrl,
    config: { mode: 'cmi5' },
  });
}
