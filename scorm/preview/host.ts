// The preview LMS's host page: scorm-again as the LMS (1.2 or 2004, from `?v=`), the course in an
// iframe, and a panel with the `cmi` values the course sets and what a strict LMS would reject.
// The API object goes on window before the iframe's src is set: a course looks for it at once.
import * as scorm12 from 'scorm-again/scorm12';
import type Scorm12API from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm2004API from 'scorm-again/scorm2004';
import { seedFor, PREVIEW_LEARNER, type Entry } from './seed.ts';
import { compareElements, describeFinding, findStrictProblems } from './strict-checks.ts';
import { isScormVersion, VERSION_LABELS, type ScormVersion } from './version.ts';
import { callsOf, moodleTransport, strictLms, type StrictLms } from './strict-lms.ts';

// The packages' type declarations name a default export; their ES modules export by name.
const { Scorm12API: Scorm12 } = scorm12 as unknown as { Scorm12API: typeof Scorm12API };
const { Scorm2004API: Scorm2004 } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004API };

interface PreviewConfig {
  courseUrl: string;
  courseTitle?: string;
  passScore?: number;
  strict?: boolean;
}

/** What the host needs of either version's API, under one set of names. */
interface Runtime {
  readonly api: Scorm12API | Scorm2004API;
  readonly events: { initialize: string; terminate: string; setValue: string; commit: string };
  install(): void;
  lastError(): string;
  errorString(code: string): string;
  isTerminated(): boolean;
  /** Set in strict mode: the wrapper the course talks to instead. */
  strict?: StrictLms;
}

const LOG_LEVEL_ERROR = 4;
const SHOWN_VALUE_CHARS = 160;

function readConfig(): PreviewConfig {
  const text = document.getElementById('preview-config')?.textContent ?? '{}';
  const parsed: unknown = JSON.parse(text);
  const config: PreviewConfig = { courseUrl: '/course/' };
  if (typeof parsed === 'object' && parsed !== null) {
    const p = parsed as Record<string, unknown>;
    if (typeof p['courseUrl'] === 'string') config.courseUrl = p['courseUrl'];
    if (typeof p['courseTitle'] === 'string') config.courseTitle = p['courseTitle'];
    if (typeof p['passScore'] === 'number') config.passScore = p['passScore'];
    if (p['strict'] === true) config.strict = true;
  }
  return config;
}

function createRuntime(version: ScormVersion, strict: boolean): Runtime {
  const settings = {
    // In strict mode the wrapper commits, the way a strict LMS does (strict-lms.ts).
    lmsCommitUrl: strict ? false : `/lms/commit?v=${version}`,
    autocommit: false,
    logLevel: LOG_LEVEL_ERROR,
    // The course reports its own session_time, as the standard asks: don't measure it for it.
    selfReportSessionTime: false,
  } as const;
  const w = window as unknown as Record<string, unknown>;
  const wrap = (api: object) => (strict ? strictLms(version, callsOf(version, api), moodleTransport(`/lms/commit?v=${version}&form=moodle`)) : undefined);
  if (version === '12') {
    const api = new Scorm12(settings);
    const wrapper = wrap(api);
    return {
      api,
      ...(wrapper ? { strict: wrapper } : {}),
      events: { initialize: 'LMSInitialize', terminate: 'LMSFinish', setValue: 'LMSSetValue.cmi.*', commit: 'LMSCommit' },
      install: () => {
        delete w['API_1484_11'];
        w['API'] = wrapper?.api ?? api;
      },
      lastError: () => api.LMSGetLastError(),
      errorString: (code) => api.LMSGetErrorString(code),
      isTerminated: () => api.isTerminated(),
    };
  }
  const api = new Scorm2004(settings);
  const wrapper = wrap(api);
  return {
    api,
    ...(wrapper ? { strict: wrapper } : {}),
    events: { initialize: 'Initialize', terminate: 'Terminate', setValue: 'SetValue.cmi.*', commit: 'Commit' },
    install: () => {
      delete w['API'];
      w['API_1484_11'] = wrapper?.api ?? api;
    },
    lastError: () => api.GetLastError(),
    errorString: (code) => api.GetErrorString(code),
    isTerminated: () => api.isTerminated(),
  };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the host page has no #${id}`);
  return el as T;
}

function shown(value: string): string {
  return value.length > SHOWN_VALUE_CHARS ? `${value.slice(0, SHOWN_VALUE_CHARS)}… (${value.length} characters)` : value;
}

function timeOfDay(date: Date): string {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

interface Refusal {
  value: string;
  code: string;
  message: string;
}

/** The side panel: session facts, warnings and values, re-rendered at most once a frame. */
class Panel {
  readonly values = new Map<string, string>();
  readonly refusals = new Map<string, Refusal>();
  private readonly session = new Map<string, string>();
  private scheduled = false;

  constructor(private readonly version: ScormVersion) {}

  setSession(label: string, value: string): void {
    this.session.set(label, value);
    this.schedule();
  }

  setValue(name: string, value: string): void {
    this.values.set(name, value);
    this.refusals.delete(name);
    this.schedule();
  }

  refuse(name: string, refusal: Refusal): void {
    this.refusals.set(name, refusal);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  render(): void {
    const session = byId<HTMLDListElement>('session');
    session.replaceChildren(...[...this.session].flatMap(([label, value]) => [element('dt', label), element('dd', value)]));

    const findings = findStrictProblems(this.version, this.values);
    const flagged = new Set(findings.map((f) => f.element));
    const warnings = byId<HTMLUListElement>('warnings');
    const items = [
      ...[...this.refusals].map(([name, r]) => element('li', `The LMS refused ${name} = ${JSON.stringify(shown(r.value))}: error ${r.code} (${r.message}).`)),
      ...findings.map((f) => element('li', describeFinding(f))),
    ];
    warnings.replaceChildren(...items);
    const count = items.length;
    const summary = count === 0 ? 'None so far.' : `${count} value${count === 1 ? '' : 's'} a strict LMS would reject.`;
    const summaryEl = byId('warnings-summary');
    if (summaryEl.textContent !== summary) summaryEl.textContent = summary;

    const rows = [...this.values.keys()].sort(compareElements).map((name) => {
      const row = element('tr');
      const th = element('th', name);
      th.scope = 'row';
      const td = element('td', shown(this.values.get(name) ?? ''));
      if (flagged.has(name)) {
        row.className = 'flagged';
        td.append(element('span', ' warning', 'flag'));
      }
      row.append(th, td);
      return row;
    });
    byId('values-body').replaceChildren(...rows);
    byId('values-count').textContent = `${this.values.size}`;
  }
}

async function fetchRecord(version: ScormVersion): Promise<{ cmi: Record<string, unknown>; savedAt: string } | undefined> {
  const response = await fetch(`/lms/record?v=${version}`, { cache: 'no-store' });
  if (response.status === 204) return undefined; // a first launch: nothing saved yet
  if (!response.ok) throw new Error(`the preview server answered ${response.status}`);
  const body: unknown = await response.json();
  const cmi = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['cmi'] : undefined;
  if (typeof cmi !== 'object' || cmi === null || Array.isArray(cmi)) throw new Error('the stored record has no cmi object');
  return { cmi: cmi as Record<string, unknown>, savedAt: response.headers.get('last-modified') ?? '' };
}

function showProblem(message: string): void {
  const p = byId('problem');
  p.textContent = message;
  p.hidden = false;
}

async function launch(): Promise<void> {
  const config = readConfig();
  const params = new URLSearchParams(location.search);
  const requested = params.get('v');
  const version: ScormVersion = isScormVersion(requested) ? requested : '12';
  if (requested !== version) {
    params.set('v', version);
    history.replaceState(null, '', `?${params.toString()}`);
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-version]')) {
    if (link.dataset['version'] === version) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  const panel = new Panel(version);
  panel.setSession('Version', VERSION_LABELS[version]);
  panel.setSession('Learner', `${PREVIEW_LEARNER.name} (${PREVIEW_LEARNER.id})`);

  let record: Awaited<ReturnType<typeof fetchRecord>>;
  try {
    record = await fetchRecord(version);
  } catch (error) {
    showProblem(`The preview server did not give the saved record (${error instanceof Error ? error.message : String(error)}). Is npm start still running? Reload the page to try again.`);
    return;
  }

  const seed = seedFor(version, record?.cmi, config.passScore);
  const runtime = createRuntime(version, config.strict === true);
  runtime.api.loadFromJSON(seed.cmi);
  panel.setSession('Entry', describeEntry(seed.entry));
  panel.setSession('Saved record', record ? `yes, ${record.savedAt ? `saved ${new Date(record.savedAt).toLocaleString('en-GB')}` : 'date unknown'}` : 'none (new attempt)');
  panel.setSession('Session', 'waiting for the course to initialise');
  panel.setSession('Last commit', 'none yet');

  const { api, events } = runtime;
  api.on(events.initialize, () => panel.setSession('Session', 'initialised'));
  api.on(events.terminate, () => {
    if (runtime.isTerminated()) panel.setSession('Session', 'terminated');
  });
  api.on(events.setValue, (name?: string, value?: unknown) => {
    if (typeof name !== 'string') return;
    const text = value === undefined ? '' : String(value);
    const code = runtime.lastError();
    if (code === '0') panel.setValue(name, text);
    else panel.refuse(name, { value: text, code, message: runtime.errorString(code) });
  });
  if (runtime.strict) {
    const strict = runtime.strict;
    panel.setSession('Mode', 'strict (like Moodle: numbers from GetValue, every change resent, beacons on leaving)');
    // Tests read what was sent; the panel says it.
    (window as unknown as Record<string, unknown>)['previewCommits'] = strict.commits;
    strict.onCommit((c) => {
      const what = `${c.call}, ${(c.bytes / 1024).toFixed(1)} KB by ${c.via === 'xhr' ? 'request' : 'beacon'}`;
      panel.setSession('Last commit', c.ok ? `${what}, saved at ${timeOfDay(new Date())}` : `${what}, FAILED at ${timeOfDay(new Date())}`);
      panel.setSession('Commits', String(strict.commits.length));
    });
    strict.onRefusal((name, value, code, reason) => panel.refuse(name, { value, code, message: `strict: ${reason}` }));
  } else {
    api.on(events.commit, () => {
      const code = runtime.lastError();
      panel.setSession('Last commit', code === '0' ? `saved at ${timeOfDay(new Date())}` : `failed at ${timeOfDay(new Date())}: error ${code}`);
    });
  }

  const frame = byId<HTMLIFrameElement>('course-frame');
  byId<HTMLButtonElement>('reset').addEventListener('click', () => void startNewAttempt(runtime, version, frame));

  runtime.install();
  frame.src = config.courseUrl;
}

function describeEntry(entry: Entry): string {
  return entry === 'resume' ? 'resume (saved progress found)' : 'ab-initio (first launch of this attempt)';
}

async function startNewAttempt(runtime: Runtime, version: ScormVersion, frame: HTMLIFrameElement): Promise<void> {
  if (!window.confirm(`Start a new attempt? The saved ${VERSION_LABELS[version]} record is deleted.`)) return;
  // The course's final commit as it unloads must not bring the old record back.
  runtime.api.settings = { lmsCommitUrl: false };
  runtime.strict?.stop();
  frame.remove();
  try {
    const response = await fetch(`/lms/reset?v=${version}`, { method: 'POST' });
    if (!response.ok) throw new Error(`the preview server answered ${response.status}`);
  } catch (error) {
    showProblem(`The record could not be deleted (${error instanceof Error ? error.message : String(error)}). Reload the page to go back to the course.`);
    return;
  }
  location.reload();
}

launch().catch((error: unknown) => {
  console.error(error);
  showProblem(`The preview LMS could not start: ${error instanceof Error ? error.message : String(error)}`);
});
