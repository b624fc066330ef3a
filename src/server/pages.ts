// The self-hosted server's own pages: the learner's sign-in, the learner's course page (the
// host of scorm-again and the course's iframe) and the manager's passcode form. Everything they
// load comes from the server itself.
import { htmlDocument } from './html-document.ts';
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
  button { font: inherit; margin-top: 1.25rem; padding: .5rem 1.2rem; border: 0; border-radius: .35rem; background: var(--accent); color: #fff; cursor: pointer; }
  :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  .errors { border: 2px solid var(--bad); color: var(--bad); border-radius: .35rem; padding: .5rem 1rem; margin: 1rem 0 0; }
  .errors h2 { font-size: 1rem; margin: 0; }
  .errors ul { margin: .25rem 0 0; padding-left: 1.2rem; }
  .errors a { color: var(--bad); }
  .link-box { display: block; padding: .5rem; border: 1px solid var(--line); border-radius: .35rem; background: var(--page); overflow-wrap: anywhere; user-select: all; }
  a.button { display: inline-block; margin-top: 1.25rem; padding: .5rem 1.2rem; border-radius: .35rem; background: var(--accent); color: #fff; text-decoration: none; }
`;

const LEARN_STYLES = `
  html, body { height: 100%; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding: .5rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
  header h1 { font-size: 1.05rem; margin: 0; }
  header p { margin: 0; color: var(--muted); font-size: .9rem; }
  details { font-size: .9rem; }
  details code { user-select: all; overflow-wrap: anywhere; }
  .problem { color: var(--bad); background: #fdecec; padding: .5rem 1rem; margin: 0; }
  .course { flex: 1; min-height: 0; }
  iframe { display: block; width: 100%; height: 100%; border: 0; background: #fff; }
  header form { margin: 0 0 0 auto; }
  header button { margin: 0; padding: .25rem .8rem; }
`;

function page(title: string, body: string, extraStyles = ''): string {
  return htmlDocument({ title, styles: `${STYLES}${extraStyles}`, body });
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

/** The hidden field that proves a form came from this server's page (see request-guard.ts). */
const tokenField = (token: string) => `<input type="hidden" name="csrf" value="${escapeHtml(token)}">`;

/**
 * The sign-in page; `signedIn` is the learner this browser is already signed in as, who is offered
 * the course or signing out rather than sent on (it may be someone else's computer).
 */
export function renderSignIn(
  courseTitle: string,
  formToken: string,
  values: SignInValues = {},
  errors: SignInErrors = {},
  signedIn?: { name: string; csrf: string },
): string {
  const who = signedIn ? escapeHtml(signedIn.name) : '';
  return page(
    `Sign in: ${courseTitle}`,
    `<main class="card" aria-labelledby="title">
<h1 id="title">${escapeHtml(courseTitle)}</h1>
${
  signedIn
    ? `<section class="signed-in" aria-labelledby="signed-in-heading">
<h2 id="signed-in-heading">You’re signed in as ${who}</h2>
<p class="actions"><a class="button" href="/learn">Continue the course</a></p>
<form method="post" action="/logout">${tokenField(signedIn.csrf)}<p>Not ${who}? <button type="submit" class="link">Sign out</button>, then sign in as yourself.</p></form>
</section>`
    : ''
}
<p>New here? Tell us who you are, so your progress is saved. You will get a personal link to come back with.</p>
<p>Been here before? Open your personal link (you got it when you first signed in); lost it? Ask your manager for a new one.</p>
${errorSummary(errors, FIELD_LABELS)}
<form method="post" action="/" novalidate>
${tokenField(formToken)}
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
  /** The session's CSRF token, for the sign-out form. */
  csrf: string;
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
<form method="post" action="/logout" id="sign-out">${tokenField(options.csrf)}<button type="submit">Sign out</button></form>
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

export function renderManagerLogin(courseTitle: string, formToken: string, error?: string): string {
  return page(
    `Manager sign-in: ${courseTitle}`,
    `<main class="card" aria-labelledby="title">
<h1 id="title">Manager report</h1>
<p>${escapeHtml(courseTitle)}: enter the manager passcode to see your team’s records.</p>
${error ? errorSummary({ passcode: error }, { passcode: 'Passcode' }) : ''}
<form method="post" action="/manager" novalidate>
${tokenField(formToken)}
<label for="passcode">Passcode</label>
<input id="passcode" name="passcode" type="password" autocomplete="current-password" required maxlength="1024"${error ? ' aria-invalid="true" aria-describedby="passcode-error"' : ''}>
${error ? `<p class="field-error" id="passcode-error">${escapeHtml(error)}</p>` : ''}
<button type="submit">Open the report</button>
</form>
</main>`,
  );
}

/** After a sign-up: the learner's personal link, shown this once. */
export function renderWelcome(courseTitle: string, learnerName: string, link: string): string {
  return page(
    `Welcome: ${courseTitle}`,
    `<main class="card" aria-labelledby="title">
<h1 id="title">Welcome, ${escapeHtml(learnerName)}</h1>
<p>This is your personal link. It signs you back in to your progress from any browser. <strong>Save it now</strong> (bookmark it, or email it to yourself): it is shown only this once, and anyone who has it can open your record.</p>
<p><code class="link-box" id="personal-link">${escapeHtml(link)}</code></p>
<p>Lost it later? Your manager can send you a new one.</p>
<a class="button" href="/learn">Go to the course</a>
</main>`,
  );
}

/** An email that already has a record: what to do, and nothing else. */
export function renderAlreadyRegistered(courseTitle: string): string {
  return page(
    `Sign in: ${courseTitle}`,
    `<main class="card" aria-labelledby="title">
<h1 id="title">This email already has a record</h1>
<div class="errors" role="alert"><p>To keep your progress private, an email address alone does not open a record.</p></div>
<p>Open the <strong>personal link</strong> you got when you first signed in (look in your bookmarks, or your email or chat if you sent it to yourself). Lost it? Ask your manager for a new one.</p>
<p><a href="/">Back to the start</a></p>
</main>`,
  );
}

/** A refused sign-up (invitation only, or an email domain not allowed here). */
export function renderSignUpClosed(courseTitle: string, message: string): string {
  return page(
    `Sign in: ${courseTitle}`,
    `<main class="card" aria-labelledby="title">
<h1 id="title">${escapeHtml(courseTitle)}</h1>
<div class="errors" role="alert"><p>${escapeHtml(message)}</p></div>
<p><a href="/">Back to the start</a></p>
</main>`,
  );
}

/**
 * A personal link's landing page: one button that signs in. A GET that signed in straight away
 * would let any page (or a mail scanner) sign a browser into someone's record.
 */
export function renderLinkLanding(courseTitle: string, learnerName: string, formToken: string, action: string): string {
  return page(
    `Continue: ${courseTitle}`,
    `<main class="card" aria-labelledby="title">
<h1 id="title">${escapeHtml(courseTitle)}</h1>
<p>Continue as <strong>${escapeHtml(learnerName)}</strong>?</p>
<form method="post" action="${escapeHtml(action)}">
${tokenField(formToken)}
<button type="submit">Continue to the course</button>
</form>
<p>Not you? Close this page: this link belongs to someone else.</p>
</main>`,
  );
}

export interface LearnerLinkRow {
  id: string;
  name: string;
  email: string;
  team: string | null;
  /** The full personal link, or undefined when revoked. */
  link: string | undefined;
}

/** The manager's list of learners and their personal links, with revoke and reissue. */
export function renderLearnerLinks(courseTitle: string, rows: readonly LearnerLinkRow[], csrf: string, notice?: string): string {
  const body = rows
    .map(
      (r) => `<tr><th scope="row">${escapeHtml(r.name)}</th><td>${escapeHtml(r.email)}</td><td>${escapeHtml(r.team ?? '')}</td>
<td>${r.link ? `<code class="link-box">${escapeHtml(r.link)}</code> <button type="button" class="copy" data-link="${escapeHtml(r.link)}">Copy<span class="visually-hidden"> the link of ${escapeHtml(r.name)}</span></button>` : 'Revoked'}</td>
<td><form method="post" action="/manager/learners">${tokenField(csrf)}<input type="hidden" name="learner" value="${escapeHtml(r.id)}">
<button type="submit" name="action" value="reissue">${r.link ? 'Reissue' : 'Issue'}<span class="visually-hidden"> a link for ${escapeHtml(r.name)}</span></button>
${r.link ? `<button type="submit" name="action" value="revoke">Revoke<span class="visually-hidden"> the link of ${escapeHtml(r.name)}</span></button>` : ''}</form></td></tr>`,
    )
    .join('\n');
  return page(
    `Learners: ${courseTitle}`,
    `<main aria-labelledby="title">
<h1 id="title">Learners and their personal links</h1>
<p><a href="/manager/report">Back to the report</a></p>
<p>A personal link signs a learner in to their record: send it only to them. Revoking a link signs that learner out everywhere; reissue one to send a new link.</p>
${notice ? `<p role="status">${escapeHtml(notice)}</p>` : '<p role="status"></p>'}
<table><caption>Learners (${rows.length})</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Team</th><th scope="col">Personal link</th><th scope="col">Actions</th></tr></thead>
<tbody>${body}</tbody></table>
<script type="module" src="/manager/learners.js"></script>
</main>`,
    LINKS_STYLES,
  );
}

const LINKS_STYLES = `
  main { max-width: 80rem; margin: 1rem auto; padding: 0 1rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
  td form { display: flex; gap: .5rem; flex-wrap: wrap; }
  td button { margin: 0; padding: .25rem .7rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** The learners page's script: the Copy buttons (no inline script: the page's CSP allows none). */
export const LEARNER_LINKS_SCRIPT = `for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const status = document.querySelector('[role=status]');
    try {
      await navigator.clipboard.writeText(button.dataset.link ?? '');
      if (status) status.textContent = 'Link copied.';
    } catch {
      if (status) status.textContent = 'Copying is not allowed here: select the link and copy it.';
    }
  });
}
`;
