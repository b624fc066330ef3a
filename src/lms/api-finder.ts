/**
 * Finding the LMS's SCORM API: up the chain of parent frames, then through the opener, as the
 * SCORM run-time specifications describe. Every step is guarded: reading a cross-origin frame
 * throws, and that must not stop the course.
 */

/** The SCORM 1.2 API object (`window.API`). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string | boolean;
  LMSFinish(arg: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(arg: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
}

/** The SCORM 2004 API object (`window.API_1484_11`). */
export interface Scorm2004Api {
  Initialize(arg: ''): string | boolean;
  Terminate(arg: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(arg: ''): string | boolean;
  GetLastError(): string | number;
  GetErrorString(code: string): string;
}

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

const MAX_DEPTH = 10;

function isObject(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function apiIn(win: unknown): FoundApi | null {
  try {
    if (!isObject(win)) return null;
    const api2004 = win['API_1484_11'];
    if (isObject(api2004) && typeof api2004['Initialize'] === 'function') return { version: '2004', api: api2004 as unknown as Scorm2004Api };
    const api12 = win['API'];
    if (isObject(api12) && typeof api12['LMSInitialize'] === 'function') return { version: '1.2', api: api12 as unknown as Scorm12Api };
  } catch {
    // A cross-origin frame: not ours to read.
  }
  return null;
}

function parentOf(win: unknown): unknown {
  try {
    if (!isObject(win)) return null;
    const parent = win['parent'];
    return parent !== win ? parent : null;
  } catch {
    return null;
  }
}

function openerOf(win: unknown): unknown {
  try {
    return isObject(win) ? (win['opener'] ?? null) : null;
  } catch {
    return null;
  }
}

function searchUp(start: unknown): FoundApi | null {
  let win: unknown = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth += 1) {
    const found = apiIn(win);
    if (found) return found;
    win = parentOf(win);
  }
  return null;
}

/** The nearest SCORM API above this window (2004 preferred), or null when there is none. */
export function findScormApi(win: unknown): FoundApi | null {
  return searchUp(win) ?? searchUp(openerOf(win));
}

/** Whether this page runs inside another page (so an LMS launch without an API is suspicious). */
export function isFramed(win: unknown): boolean {
  return parentOf(win) !== null;
}
