/**
 * One SCORM session with the LMS, as a small state machine so that it can't be misused:
 * not started → active → terminating → terminated. Calls outside `active` are refused here,
 * before they reach the LMS; the LMS's own refusals are recorded with their error codes.
 */
import type { FoundApi } from './api-finder.ts';
import { describeError } from './errors.ts';

export type SessionState = 'not-started' | 'active' | 'terminating' | 'terminated';

export interface LmsError {
  call: string;
  element?: string;
  code: number;
  message: string;
}

/** A GetValue answer as text: strings trimmed, numbers (Moodle's counts and scores) written out. */
export function lmsText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return '';
}

function ok(value: unknown): boolean {
  return value === true || value === 'true';
}

export class ScormSession {
  private state: SessionState = 'not-started';
  readonly errors: LmsError[] = [];

  constructor(private readonly found: FoundApi) {}

  get version(): FoundApi['version'] {
    return this.found.version;
  }

  get current(): SessionState {
    return this.state;
  }

  private lastError(): number {
    try {
      const code = this.found.version === '1.2' ? this.found.api.LMSGetLastError() : this.found.api.GetLastError();
      const n = Number(code);
      return Number.isFinite(n) ? n : 101;
    } catch {
      return 101;
    }
  }

  /** Calls the LMS, turning throws into an error result; `false` with error 0 counts as done. */
  private call(name: string, run: () => unknown, element?: string): boolean {
    let result: unknown;
    try {
      result = run();
    } catch (error) {
      this.errors.push({ call: name, ...(element ? { element } : {}), code: 101, message: error instanceof Error ? error.message : String(error) });
      return false;
    }
    if (ok(result)) return true;
    const code = this.lastError();
    // Some LMSs answer `false` yet report no error: the call went through.
    if (code === 0) return true;
    this.errors.push({ call: name, ...(element ? { element } : {}), code, message: describeError(code) });
    return false;
  }

  initialize(): boolean {
    if (this.state !== 'not-started') return false;
    const f = this.found;
    const done = this.call('Initialize', () => (f.version === '1.2' ? f.api.LMSInitialize('') : f.api.Initialize('')));
    // Error 103 (already initialized, e.g. after a reload inside the same LMS frame) is usable.
    if (done || this.errors[this.errors.length - 1]?.code === 103) this.state = 'active';
    return this.state === 'active';
  }

  /**
   * The element's value as text, or '' when it isn't set yet (2004 answers 403 on a first read).
   * Real LMSs answer in their own way: Moodle returns numbers for counts and scores, some pad
   * with spaces, so anything that isn't a string is turned into one and trimmed.
   */
  get(element: string): string {
    if (this.state !== 'active' && this.state !== 'terminating') return '';
    const f = this.found;
    try {
      const raw: unknown = f.version === '1.2' ? f.api.LMSGetValue(element) : f.api.GetValue(element);
      const value = lmsText(raw);
      if (value !== '') return value;
      const code = this.lastError();
      if (code !== 0 && code !== 403) this.errors.push({ call: 'GetValue', element, code, message: describeError(code) });
      return '';
    } catch (error) {
      this.errors.push({ call: 'GetValue', element, code: 101, message: error instanceof Error ? error.message : String(error) });
      return '';
    }
  }

  /** A count the LMS keeps (`cmi.interactions._count`), or null when it gives none that makes sense. */
  count(element: string): number | null {
    const text = this.get(element);
    const n = Number(text);
    return text !== '' && Number.isInteger(n) && n >= 0 ? n : null;
  }

  set(element: string, value: string): boolean {
    if (this.state !== 'active' && this.state !== 'terminating') return false;
    const f = this.found;
    return this.call('SetValue', () => (f.version === '1.2' ? f.api.LMSSetValue(element, value) : f.api.SetValue(element, value)), element);
  }

  commit(): boolean {
    if (this.state !== 'active' && this.state !== 'terminating') return false;
    const f = this.found;
    return this.call('Commit', () => (f.version === '1.2' ? f.api.LMSCommit('') : f.api.Commit('')));
  }

  /** Ends the session once; any later call is refused without reaching the LMS. */
  terminate(): boolean {
    if (this.state !== 'active') return false;
    this.state = 'terminating';
    const f = this.found;
    const done = this.call('Terminate', () => (f.version === '1.2' ? f.api.LMSFinish('') : f.api.Terminate('')));
    this.state = 'terminated';
    return done;
  }
}
