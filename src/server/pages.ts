// The self-hosted server's own pages: the learner's sign-in, the learner's course page (the
// host of scorm-again and the course's iframe) and the manager's passcode form. Everything they
// load comes from the server itself.
import { escapeHtml, scriptJson } from './http.ts';

const STYLES = `
  :root { color-scheme: light; --ink: #1b2430; --muted: #4d5968; --line: #c9d0d8; --page: #f3f5f8; --accent: #1f5fa8; --bad: #8a1c1c;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--page); color: var(--ink); line-height: 1.5; }
  main.card { max-width: 32rem; margin: 3rem auto; background: #fff; border: 1px solid var(--line); border-radius: .6rem; padding: 1.5rem 2rem; }
  h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  .hint { display: block; font-weight: normal; color: var(--muted); font-size: .9rem; }
  input { font: inherit; width: 100%; padding: .45rem .6rem; border: 1px solid var(--muted); border-radius: .35rem; margin-top: .25rem; }
  input[aria-invalid='true'] { border-color: var(--bad); border-width: 2px; }
  .field-error { color: var(--bad); margin: .25rem 0 0; font-size: .9rem; }
  button, a.button { font: inherit; display: inline-block; margin-top: 1.25rem; padding: .5rem 1.2rem; border: 0; border-radius: .35rem; background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; }
  button.link { margin: 0; padding: 0; background: none; color: var(--accent); text-decoration: underline; }
  .signed-in { border-bottom: 1px solid var(--line); padding-bottom: 1rem; margin-bottom: 1rem; }
  .signed-in h2 { font-size: 1.1rem; margin: 0; }
  .signed-in p { margin: .5rem 0 0; }
  .signed-in .actions a.button { margin-top: .25rem; }
  :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  .errors { border: 2px solid var(--bad); color: var(--bad); border-radius: .35rem; padding: .5rem 1rem; margin: 1rem 0 0; }
  .errors h2 { font-size: 1rem; margin: 0; }
  .errors ul { margin: .25rem 0 0; padding-left: 1.2rem; }
  .errors a { color: var(--bad); }
`;

const LEARN_STYLES = `
  html, body { height: 100%; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding: .5rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
  header form { margin: 0 0 0 auto; font-size: .9rem; }
  header p { margin: 0; color: var(--muted); font-size: .9rem; }
  details { font-size: .9rem; }
  details code { user-select: all; overflow-wrap: anywhere; }
  .problem { color: var(--bad); background: #fdecec; padding: .5rem 1rem; margin: 0; }
  .course { flex: 1; min-height: 0; }
  iframe { display: block; width: 100%; height: 100%; border: 0; background: #fff; }
`;

/** The CSP of the sign-in and passcode pages (no scripts at all). */
export const FORM_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** The CSP of the course page: its own script, the course in a same-origin frame. */
export const LEARN_PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function page(title: string, body: string, extraStyles = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLES}${extraStyles}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface SignInValues {
  name?: string;
  email?: string;
  team?: string;
}

export type SignInErrors = Partial<Record<'name' | 'email' | 'team', string>>;

const FIELD_LABELS = { name: 'Your name', email: 'Work email', team: 'Team' } as const;

function errorSummary(errors: Record<string, string | undefined>, labels: Record<string, string>): string {
  const entries = Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined);
  if (entries.length === 0) return '';
  return `<div class="errors" role="alert" aria-labelledby="errors-heading"><h2 id="errors-heading">Please check ${entries.length === 1 ? 'this field' : 'these fields'}</h2><ul>${entries
    .map(([field, message]) => `<li><a href="#${field}">${escapeHtml(labels[field] ?? field)}: ${escapeHtml(message)}</a></li>`)
    .join('')}</ul></div>`;
}

function field(id: 'name' | 'email' | 'team', values: SignInValues, errors: SignInErrors, attrs: string, hint?: string): string {
  const error = errors[id];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return `<label for="${id}">${FIELD_LABELS[id]}${hint ? ` <span class="hint" id="${id}-hint">${escapeHtml(hint)}</span>` : ''}</label>
<input id="${id}" name="${id}" ${attrs} value="${escapeHtml(values[id] ?? '')}"${described ? ` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}>
${error ? `<p class="field-error" id="${id}-error">${escapeHtml(error)}</p>` : ''}`;
}

/**
 * The sign-in page; `signedInAs` is the learner this browser is already signed in as, who is
 * offered the course or signing out rather than sent on (it may be someone else's computer).
 */
export function renderSignIn(courseTitle: string, values: SignInValues = {}, errors: SignInErrors = {}, signedInAs?: string): string {
  const who = signedInAs === undefined ? '' : escapeHtml(signedInAs);
  return page(
    `Sign in: ${courseTitle}`,
    `<main class="card" aria-labelledby="title">
<h1 id="title">${escapeHtml(courseTitle)}</h1>
${
  signedInAs === undefined
    ? ''
    : `<section class="signed-in" aria-labelledby="signed-in-heading">
<h2 id="signed-in-heading">You’re signed in as ${who}</h2>
<p class="actions"><a class="button" href="/learn">Continue the course</a></p>
<form method="post" action="/logout"><p>Not ${who}? <button type="submit" class="link">Sign out</button>, then sign in as yourself.</p></form>
</section>`
}
<p>Tell us who you are, so your progress is saved and you can pick up where you left off.</p>
${errorSummary(errors, FIELD_LABELS)}
<form method="post" action="/" novalidate>
${field('name', values, errors, 'type="text" autocomplete="name" required maxlength="200"')}
${field('email', values, errors, 'type="email" autocomplete="email" required maxlength="254"')}
${field('team', values, errors, 'type="text" autocomplete="organization-title" maxlength="200"', 'Optional: your team or group, for your manager’s report.')}
<button type="submit">Start the course</button>
</form>
</main>`,
  );
}

export interface LearnPageOptions {
  courseTitle: string;
  learnerName: string;
  personalLink: string;
  scriptUrl: string;
  config: { courseUrl: string; commitUrl: string; cmi: Record<string, unknown> };
  resumed: boolean;
}

export function renderLearn(options: LearnPageOptions): string {
  const title = escapeHtml(options.courseTitle);
  return page(
    options.courseTitle,
    // The course shows its own title in its banner: the header says only who is learning.
    `<header>
<p>Signed in as ${escapeHtml(options.learnerName)}${options.resumed ? ' · picking up where you left off' : ''}. <span id="save-status" role="status"></span></p>
<details><summary>Your personal link</summary><p>Open the course from any browser with this link; keep it to yourself: <code>${escapeHtml(options.personalLink)}</code></p></details>
<form method="post" action="/logout"><button type="submit" class="link">Sign out</button></form>
</header>
<p id="problem" class="problem" role="alert" hidden></p>
<main class="course" aria-label="Course">
<iframe id="course-frame" title="Course: ${title}"></iframe>
</main>
<script type="application/json" id="learn-config">${scriptJson(options.config)}</script>
<script type="module" src="${escapeHtml(options.scriptUrl)}"></script>`,
    LEARN_STYLES,
  );
}

export function renderManagerLogin(courseTitle: string, error?: string): string {
  return page(
    `Manager sign-in: ${courseTitle}`,
    `<main class="card" aria-labelledby="title">
<h1 id="title">Manager report</h1>
<p>${escapeHtml(courseTitle)}: enter the manager passcode to see your team’s records.</p>
${error ? errorSummary({ passcode: error }, { passcode: 'Passcode' }) : ''}
<form method="post" action="/manager" novalidate>
<label for="passcode">Passcode</label>
<input id="passcode" name="passcode" type="password" autocomplete="current-password" required maxlength="1024"${error ? ' aria-invalid="true" aria-describedby="passcode-error"' : ''}>
${error ? `<p class="field-error" id="passcode-error">${escapeHtml(error)}</p>` : ''}
<button type="submit">Open the report</button>
</form>
</main>`,
  );
}
