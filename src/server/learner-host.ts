// The learner's host page script (bundled by esbuild at the server's start): scorm-again as a
// SCORM 2004 LMS, seeded from the learner's latest commit, committing to /api/commit (the session
// cookie says whose record it is). The API goes on window before the iframe's src is set.
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm2004API from 'scorm-again/scorm2004';

const { Scorm2004API: Scorm2004 } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004API };

interface LearnConfig {
  courseUrl: string;
  commitUrl: string;
  cmi: Record<string, unknown>;
}

function readConfig(): LearnConfig {
  const parsed: unknown = JSON.parse(document.getElementById('learn-config')?.textContent ?? '{}');
  const p = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const cmi = p['cmi'];
  return {
    courseUrl: typeof p['courseUrl'] === 'string' ? p['courseUrl'] : '/course/',
    commitUrl: typeof p['commitUrl'] === 'string' ? p['commitUrl'] : '/api/commit',
    cmi: typeof cmi === 'object' && cmi !== null && !Array.isArray(cmi) ? (cmi as Record<string, unknown>) : {},
  };
}

function showProblem(message: string): void {
  const p = document.getElementById('problem');
  if (!p) return;
  p.textContent = message;
  p.hidden = false;
}

/** The course keeps a copy of its progress in localStorage under these keys (src/lms/standalone.ts). */
const COURSE_KEY_PREFIX = 'email-course:';
const OWNER_KEY = 'email-course-owner';

function forgetCourseStorage(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(COURSE_KEY_PREFIX) || key === OWNER_KEY) localStorage.removeItem(key);
  } catch {
    // Storage blocked: there is nothing kept to clear.
  }
}

/**
 * One browser, several learners (a shared computer): the course's local copy belongs to the
 * learner who made it, so another learner's launch starts from a clean slate, and signing out clears it.
 */
function claimCourseStorage(learnerId: string): void {
  try {
    if (localStorage.getItem(OWNER_KEY) !== learnerId) {
      forgetCourseStorage();
      localStorage.setItem(OWNER_KEY, learnerId);
    }
  } catch {
    // Storage blocked: the course says so itself.
  }
}

function launch(): void {
  const config = readConfig();
  claimCourseStorage(String(config.cmi['learner_id'] ?? ''));
  const signOut = document.getElementById('sign-out');
  signOut?.addEventListener('submit', (event) => {
    // The course saves a last copy as it unloads: unload it first, then clear, then leave.
    event.preventDefault();
    document.getElementById('course-frame')?.remove();
    forgetCourseStorage();
    (signOut as HTMLFormElement).submit();
  });
  const api = new Scorm2004({
    lmsCommitUrl: config.commitUrl,
    autocommit: false,
    logLevel: 4,
    selfReportSessionTime: false,
  });
  api.loadFromJSON(config.cmi);
  const status = document.getElementById('save-status');
  api.on('Commit', () => {
    const code = api.GetLastError();
    if (code === '0') {
      if (status) status.textContent = `Progress saved at ${new Date().toLocaleTimeString()}.`;
    } else {
      showProblem(`Your progress could not be saved (error ${code}). Check that you are still signed in, then reload the page.`);
    }
  });
  const w = window as unknown as Record<string, unknown>;
  w['API_1484_11'] = api;
  const frame = document.getElementById('course-frame') as HTMLIFrameElement | null;
  if (!frame) throw new Error('the page has no course frame');
  frame.src = config.courseUrl;
}

try {
  launch();
} catch (error) {
  console.error(error);
  showProblem(`The course could not start: ${error instanceof Error ? error.message : String(error)}`);
}
