// The host page's HTML. Everything it loads comes from the preview server itself: no fonts, no
// CDNs. The script (host.ts, bundled at start) fills the panel and launches the course.
import { htmlDocument } from '../../src/server/html-document.ts';
import { escapeHtml, scriptJson } from '../../src/server/http.ts';
import { SCORM_VERSIONS, VERSION_LABELS, type ScormVersion } from './version.ts';

export interface HostPageOptions {
  version: ScormVersion;
  courseTitle?: string | undefined;
  passScore?: number | undefined;
  scriptUrl: string;
  courseUrl: string;
  strict?: boolean | undefined;
}

export const STYLES = `
  :root { color-scheme: light; --ink: #1b2430; --muted: #4d5968; --line: #d4dae1; --page: #f3f5f8; --panel: #fff;
    --accent: #1f5fa8; --warn-bg: #fff4e0; --warn-ink: #6b3d00; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; background: var(--page); color: var(--ink); line-height: 1.45; }
  body { display: flex; flex-direction: column; }
  .skip { position: absolute; left: -999px; }
  .skip:focus { left: 0.5rem; top: 0.5rem; z-index: 1; background: var(--panel); padding: 0.5rem; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1.5rem; padding: 0.6rem 1rem; background: var(--panel); border-bottom: 1px solid var(--line); }
  h1 { font-size: 1.05rem; margin: 0; }
  h1 .course-title { font-weight: normal; color: var(--muted); }
  nav ul { display: flex; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
  nav a { display: inline-block; padding: 0.3rem 0.7rem; border: 1px solid var(--line); border-radius: 999px; color: var(--accent); text-decoration: none; }
  nav a[aria-current='page'] { background: var(--accent); border-color: var(--accent); color: #fff; }
  button { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid var(--muted); border-radius: 0.4rem; background: var(--panel); color: var(--ink); cursor: pointer; }
  button:hover { background: var(--page); }
  a:focus-visible, button:focus-visible, .scroll:focus-visible, iframe:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  .reset { margin-left: auto; }
  main { flex: 1; display: grid; grid-template-columns: minmax(0, 1fr) minmax(18rem, 26rem); min-height: 0; }
  .course { min-height: 0; }
  iframe { display: block; width: 100%; height: 100%; border: 0; background: #fff; }
  aside { overflow: auto; padding: 0.5rem 1rem 1rem; border-left: 1px solid var(--line); background: var(--panel); }
  h2 { font-size: 1rem; margin: 0.5rem 0; }
  h3 { font-size: 0.95rem; margin: 1rem 0 0.4rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.75rem; margin: 0; font-size: 0.9rem; }
  dt { color: var(--muted); }
  dd { margin: 0; }
  #warnings { margin: 0.4rem 0 0; padding-left: 1.2rem; font-size: 0.9rem; }
  #warnings li { background: var(--warn-bg); color: var(--warn-ink); padding: 0.2rem 0.4rem; margin-bottom: 0.3rem; border-radius: 0.3rem; overflow-wrap: anywhere; }
  .scroll { overflow-x: auto; }
  table { width: 100%; border-collapse: collapse; font-size: 0.82rem; }
  th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.3rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
  tbody th { font-weight: normal; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  tr.flagged { background: var(--warn-bg); }
  .flag { color: var(--warn-ink); font-weight: 600; }
  .note, .problem { font-size: 0.85rem; color: var(--muted); }
  .problem { color: #8a1c1c; background: #fdecec; padding: 0.5rem 0.75rem; margin: 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media (max-width: 56rem) {
    html, body { height: auto; }
    main { display: block; }
    .course { height: 80vh; }
    aside { overflow: visible; border-left: 0; border-top: 1px solid var(--line); }
  }
`;

/** What one preview LMS page (SCORM or cmi5) puts in the layout they share. */
export interface PreviewPageParts {
  /** The document title, as text. */
  title: string;
  /** The course title, escaped, or "the course". */
  courseTitle: string;
  /** Markup after the course title in the heading (escaped). */
  headingSuffix?: string;
  /** The header's controls, between the heading and the reset button. */
  controls: string;
  resetLabel: string;
  panelHeading: string;
  panelNote: string;
  /** The panel's sections after its note. */
  panel: string;
  /** Styles of this page only, after the shared ones. */
  styles?: string;
  scriptUrl: string;
  /** What the page's script reads (#preview-config). */
  config: unknown;
}

/** The preview LMS's layout: a header, the course in a frame, and the panel beside it. */
export function renderPreviewPage(parts: PreviewPageParts): string {
  return htmlDocument({
    title: parts.title,
    styles: `${STYLES}${parts.styles ?? ''}`,
    scriptUrl: parts.scriptUrl,
    body: `<a class="skip" href="#panel">Skip to the LMS panel</a>
<header>
  <h1>Preview LMS <span class="course-title">· ${parts.courseTitle}${parts.headingSuffix ?? ''}</span></h1>
  ${parts.controls}
  <button type="button" id="reset" class="reset">${parts.resetLabel}</button>
</header>
<p id="problem" class="problem" role="alert" hidden></p>
<main>
  <section class="course" aria-label="Course">
    <iframe id="course-frame" title="Course: ${parts.courseTitle}"></iframe>
  </section>
  <aside id="panel" aria-labelledby="panel-heading" tabindex="-1">
    <h2 id="panel-heading">${parts.panelHeading}</h2>
    <p class="note">${parts.panelNote}</p>
${parts.panel}
  </aside>
</main>
<script type="application/json" id="preview-config">${scriptJson(parts.config)}</script>`,
  });
}

export function renderHostPage(options: HostPageOptions): string {
  const links = SCORM_VERSIONS.map((v) => {
    const current = v === options.version ? ' aria-current="page"' : '';
    return `<li><a href="?v=${v}" data-version="${v}"${current}>${VERSION_LABELS[v]}</a></li>`;
  }).join('');
  return renderPreviewPage({
    title: `Preview LMS (${VERSION_LABELS[options.version]}): ${options.courseTitle || 'the course'}`,
    courseTitle: options.courseTitle ? escapeHtml(options.courseTitle) : 'the course',
    controls: `<nav aria-label="SCORM version"><ul>${links}</ul></nav>`,
    resetLabel: 'Reset (new attempt)',
    panelHeading: 'What the LMS sees',
    panelNote: 'scorm-again plays the LMS here. It is lenient, so the warnings below list what stricter LMSs would refuse.',
    panel: `    <section aria-labelledby="session-heading">
      <h3 id="session-heading">Session</h3>
      <dl id="session"></dl>
    </section>
    <section aria-labelledby="warnings-heading">
      <h3 id="warnings-heading">Strict LMS warnings</h3>
      <p id="warnings-summary" role="status">None so far.</p>
      <ul id="warnings"></ul>
    </section>
    <section aria-labelledby="values-heading">
      <h3 id="values-heading">cmi values set by the course (<span id="values-count">0</span>)</h3>
      <div class="scroll" role="region" aria-labelledby="values-heading" tabindex="0">
        <table>
          <thead><tr><th scope="col">Element</th><th scope="col">Value</th></tr></thead>
          <tbody id="values-body"></tbody>
        </table>
      </div>
    </section>`,
    scriptUrl: options.scriptUrl,
    config: { courseUrl: options.courseUrl, courseTitle: options.courseTitle, passScore: options.passScore, strict: options.strict === true },
  });
}
