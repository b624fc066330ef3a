// The cmi5 preview page's script: launches the AU in the iframe the way an LMS does (POST
// /cmi5/launch, then the launch URL), and lists what the LRS stored and refused in the panel.
interface ListedStatement {
  timestamp: string;
  verb: { id: string };
  object: { id: string; definition?: { name?: Record<string, string> } };
  result?: { success?: boolean; completion?: boolean; score?: { scaled?: number }; extensions?: Record<string, unknown> };
  context?: { registration?: string };
}

interface Listing {
  registration: string;
  statements: ListedStatement[];
  refusals: { verb: string; problems: string[] }[];
}

const POLL_MS = 1000;
const PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

function showProblem(text: string): void {
  const p = element('problem');
  p.textContent = text;
  p.hidden = false;
}

function last(iri: string): string {
  return decodeURIComponent(iri.slice(iri.lastIndexOf('/') + 1));
}

function resultText(s: ListedStatement): string {
  const r = s.result;
  if (!r) return '';
  const parts: string[] = [];
  if (r.success !== undefined) parts.push(r.success ? 'success' : 'no success');
  if (r.completion) parts.push('completion');
  if (r.score?.scaled !== undefined) parts.push(`score ${Math.round(r.score.scaled * 100)}`);
  const progress = r.extensions?.[PROGRESS];
  if (typeof progress === 'number') parts.push(`progress ${progress}%`);
  return parts.join(', ');
}

function cell(row: HTMLTableRowElement, text: string, header = false): void {
  const c = document.createElement(header ? 'th' : 'td');
  if (header) c.setAttribute('scope', 'row');
  c.textContent = text;
  row.append(c);
}

let shown = -1;
let shownRefusals = -1;

function render(listing: Listing): void {
  const session = element('session');
  session.replaceChildren();
  for (const [term, value] of [['Registration', listing.registration]]) {
    const dt = document.createElement('dt');
    dt.textContent = term ?? '';
    const dd = document.createElement('dd');
    dd.textContent = value ?? '';
    session.append(dt, dd);
  }
  if (listing.statements.length !== shown) {
    shown = listing.statements.length;
    element('statements-count').textContent = String(shown);
    const body = element('statements-body');
    body.replaceChildren(
      ...listing.statements.map((s) => {
        const row = document.createElement('tr');
        cell(row, new Date(s.timestamp).toLocaleTimeString(), true);
        cell(row, last(s.verb.id));
        cell(row, s.object.definition?.name?.['en'] ?? last(s.object.id));
        cell(row, resultText(s));
        return row;
      }),
    );
  }
  if (listing.refusals.length !== shownRefusals) {
    shownRefusals = listing.refusals.length;
    element('refused-summary').textContent = shownRefusals === 0 ? 'None so far.' : `${shownRefusals} refused.`;
    element('refused').replaceChildren(
      ...listing.refusals.map((r) => {
        const li = document.createElement('li');
        li.textContent = `${last(r.verb)}: ${r.problems.join('; ')}`;
        return li;
      }),
    );
  }
}

async function poll(): Promise<void> {
  try {
    const response = await fetch('/cmi5/statements');
    if (response.ok) render((await response.json()) as Listing);
  } catch {
    // The preview server stopped; the next poll tries again.
  }
  setTimeout(() => void poll(), POLL_MS);
}

async function launch(): Promise<void> {
  const mode = element<HTMLSelectElement>('mode').value;
  const response = await fetch(`/cmi5/launch?mode=${encodeURIComponent(mode)}`, { method: 'POST' });
  if (!response.ok) {
    showProblem(`The preview LMS could not launch the course (${response.status}).`);
    return;
  }
  const { url } = (await response.json()) as { url: string };
  element<HTMLIFrameElement>('course-frame').src = url;
}

element('launch').addEventListener('click', () => void launch());
element('reset').addEventListener('click', () => {
  void fetch('/cmi5/reset', { method: 'POST' }).then(() => launch());
});
void launch();
void poll();
