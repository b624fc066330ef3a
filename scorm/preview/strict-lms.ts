// The preview's strict mode: the scorm-again API objects wrapped so that the course meets what
// the strictest real LMSs do (rules and sources in strict-rules.ts), and a commit transport
// that travels like Moodle's player (request.js): a synchronous request per commit and, while
// the page is being dismissed (Chromium forbids synchronous requests then), a beacon, which
// fails once the beacons in flight pass 64 KiB. What a failed commit carried is lost, as it
// would be there. scorm-again keeps the data model and its own checks; its commits are off.
import { SCORM12, SCORM2004 } from '../../src/lms/cmi.ts';
import { asStrictGetValue, BEACON_BUDGET_BYTES, commitBody, durationSeconds, refusal, type CommitLog } from './strict-rules.ts';
import type { ScormVersion } from './version.ts';

/** The calls both versions' API objects answer, under 2004's names. */
export interface ScormCalls {
  Initialize(arg: string): string;
  Terminate(arg: string): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: string): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export interface StrictLms {
  /** The object to put on window.API / window.API_1484_11. */
  api: Record<string, (...args: string[]) => string | number>;
  readonly commits: readonly CommitLog[];
  /** Stops sending: the record is being deleted (Reset). */
  stop(): void;
  onCommit(listener: (log: CommitLog) => void): void;
  /** A SetValue the strict rules refused (scorm-again never saw it). */
  onRefusal(listener: (element: string, value: string, code: string, reason: string) => void): void;
}

/** One commit's journey to the LMS: true when the LMS stored it. */
export type Send = (body: string) => { ok: boolean; via: 'xhr' | 'beacon' };

/** Moodle's request.js in Chromium: synchronous XHR, a beacon during dismissal, within the budget. */
export function moodleTransport(url: string, budgetBytes = BEACON_BUDGET_BYTES): Send {
  let dismissing = false;
  let inFlight = 0;
  window.addEventListener('pagehide', () => {
    dismissing = true;
  });
  return (body) => {
    if (!dismissing) {
      try {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url, false);
        xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
        xhr.send(body);
        return { ok: xhr.status === 200, via: 'xhr' };
      } catch {
        // Chromium refuses synchronous requests while the page is being dismissed.
        dismissing = true;
      }
    }
    const blob = new Blob([body], { type: 'application/x-www-form-urlencoded' });
    // Counted as in flight until the page is gone: nothing answers a dismissed page in time.
    if (inFlight + blob.size > budgetBytes) return { ok: false, via: 'beacon' };
    const queued = navigator.sendBeacon(url, blob);
    if (queued) inFlight += blob.size;
    return { ok: queued, via: 'beacon' };
  };
}

const NAMES = {
  '12': { Initialize: 'LMSInitialize', Terminate: 'LMSFinish', GetValue: 'LMSGetValue', SetValue: 'LMSSetValue', Commit: 'LMSCommit', GetLastError: 'LMSGetLastError', GetErrorString: 'LMSGetErrorString', GetDiagnostic: 'LMSGetDiagnostic' },
  '2004': { Initialize: 'Initialize', Terminate: 'Terminate', GetValue: 'GetValue', SetValue: 'SetValue', Commit: 'Commit', GetLastError: 'GetLastError', GetErrorString: 'GetErrorString', GetDiagnostic: 'GetDiagnostic' },
} as const;

export function strictLms(version: ScormVersion, inner: ScormCalls, send: Send): StrictLms {
  const dialect = version === '12' ? SCORM12 : SCORM2004;
  const totalTime = version === '12' ? 'cmi.core.total_time' : 'cmi.total_time';
  const commits: CommitLog[] = [];
  const listeners: ((log: CommitLog) => void)[] = [];
  const refusalListeners: Parameters<StrictLms['onRefusal']>[0][] = [];
  // 2004 (scorm_13.js CollectData) posts every element that differs from its default, so each
  // commit carries everything the session set; 1.2 here sends what changed since the last
  // commit that reached the LMS.
  const pending = new Map<string, string>();
  let ownError: string | undefined;
  let stopped = false;
  let launchTotal = 0;
  let sessionTime = '';

  function store(call: CommitLog['call'], extra?: Map<string, string>): boolean {
    const elements = new Map(pending);
    for (const [k, v] of extra ?? []) elements.set(k, v);
    const body = commitBody(elements);
    const result = stopped ? { ok: true, via: 'xhr' as const } : send(body);
    const log: CommitLog = { call, bytes: new Blob([body]).size, elements: elements.size, via: result.via, ok: result.ok };
    if (!stopped) {
      commits.push(log);
      for (const listener of listeners) listener(log);
    }
    if (result.ok && version === '12') pending.clear();
    return result.ok;
  }

  const calls: ScormCalls = {
    Initialize(arg) {
      ownError = undefined;
      const result = inner.Initialize(arg);
      launchTotal = durationSeconds(inner.GetValue(totalTime));
      return result;
    },
    GetValue(element) {
      ownError = undefined;
      return inner.GetValue(element);
    },
    SetValue(element, value) {
      const refused = refusal(version, element, String(value));
      if (refused) {
        for (const listener of refusalListeners) listener(element, String(value), refused.code, refused.reason);
        ownError = refused.code;
        return 'false';
      }
      ownError = undefined;
      const result = inner.SetValue(element, value);
      if (String(result) === 'true') {
        pending.set(element, String(value));
        if (element === dialect.sessionTime) sessionTime = String(value);
      }
      return result;
    },
    Commit(arg) {
      const result = inner.Commit(arg);
      if (String(result) !== 'true') return result;
      if (store('Commit')) {
        ownError = undefined;
        return 'true';
      }
      // scorm_13.js Commit: any transport fault is 101, "general exception".
      ownError = '101';
      return 'false';
    },
    Terminate(arg) {
      // Moodle's Terminate stores everything plus total_time, which the player sums itself.
      const result = inner.Terminate(arg);
      if (String(result) !== 'true') return result;
      const total = new Map([[totalTime, dialect.duration(launchTotal + durationSeconds(sessionTime))]]);
      const stored = store('Terminate', total);
      if (stored) {
        ownError = undefined;
        return 'true';
      }
      ownError = '101';
      return 'false';
    },
    GetLastError() {
      return ownError ?? inner.GetLastError();
    },
    GetErrorString(code) {
      return inner.GetErrorString(code);
    },
    GetDiagnostic(code) {
      return inner.GetDiagnostic(code);
    },
  };

  const names = NAMES[version];
  const api: StrictLms['api'] = {
    [names.Initialize]: (arg = '') => calls.Initialize(arg),
    [names.Terminate]: (arg = '') => calls.Terminate(arg),
    [names.GetValue]: (element = '') => asStrictGetValue(element, calls.GetValue(element)),
    [names.SetValue]: (element = '', value = '') => calls.SetValue(element, value),
    [names.Commit]: (arg = '') => calls.Commit(arg),
    [names.GetLastError]: () => calls.GetLastError(),
    [names.GetErrorString]: (code = '') => calls.GetErrorString(code),
    [names.GetDiagnostic]: (code = '') => calls.GetDiagnostic(code),
  };
  return {
    api,
    commits,
    stop: () => {
      stopped = true;
    },
    onCommit: (listener) => listeners.push(listener),
    onRefusal: (listener) => refusalListeners.push(listener),
  };
}

/** A scorm-again API object's calls under one set of names (its 1.2 object names them LMS…). */
export function callsOf(version: ScormVersion, api: object): ScormCalls {
  const names = NAMES[version];
  const target = api as Record<string, unknown>;
  const call =
    (name: string) =>
    (...args: string[]): string => {
      const fn = target[name];
      return typeof fn === 'function' ? String((fn as (...a: string[]) => unknown).apply(api, args)) : 'false';
    };
  return {
    Initialize: call(names.Initialize),
    Terminate: call(names.Terminate),
    GetValue: call(names.GetValue),
    SetValue: call(names.SetValue),
    Commit: call(names.Commit),
    GetLastError: call(names.GetLastError),
    GetErrorString: call(names.GetErrorString),
    GetDiagnostic: call(names.GetDiagnostic),
  };
}
