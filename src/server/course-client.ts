// A small client of the course server, as a browser would use it (form tokens, session
// cookies, the commit URL with its token): for the load test and the server's tests.
import type { CookieNames } from './request-guard.ts';

export interface ClientOptions {
  /** Sent as the Origin of every POST, as a browser does; undefined sends none. */
  origin?: string | undefined;
  signal?: AbortSignal;
}

/** Cookies this client holds, by name (the last Set-Cookie wins; Max-Age=0 removes). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The hidden csrf field of a page's form. */
export function formTokenIn(html: string): string | undefined {
  return /name="csrf" value="([^"]+)"/.exec(html)?.[1];
}

/** The JSON the course page hands scorm-again. */
export function learnConfigIn(html: string): { commitUrl: string; cmi: Record<string, unknown> } | undefined {
  const m = /<script type="application\/json" id="learn-config">(.*?)<\/script>/s.exec(html);
  return m?.[1] ? (JSON.parse(m[1]) as { commitUrl: string; cmi: Record<string, unknown> }) : undefined;
}

export class CourseClient {
  readonly jar = new CookieJar();
  constructor(
    readonly base: string,
    readonly names: CookieNames,
    readonly options: ClientOptions = {},
  ) {}

  async get(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(new URL(path, this.base), { redirect: 'manual', ...init, headers: { cookie: this.jar.header(), ...(init.headers as Record<string, string>) }, signal: this.options.signal ?? null });
    this.jar.take(response);
    return response;
  }

  async post(path: string, body: string | URLSearchParams | Blob, headers: Record<string, string> = {}): Promise<Response> {
    const origin = this.options.origin === undefined ? {} : { origin: this.options.origin };
    const response = await fetch(new URL(path, this.base), { method: 'POST', body, redirect: 'manual', headers: { cookie: this.jar.header(), ...origin, ...headers }, signal: this.options.signal ?? null });
    this.jar.take(response);
    return response;
  }

  /** Fetches the form page at `path` and posts `fields` with its token. */
  async submit(path: string, fields: Record<string, string>, action = path): Promise<Response> {
    const page = await this.get(path);
    const token = formTokenIn(await page.text()) ?? '';
    return this.post(action, new URLSearchParams({ ...fields, csrf: token }));
  }

  /** Signs up a new learner: the answer (200 with the welcome page when created). */
  signUp(name: string, email: string, team?: string): Promise<Response> {
    return this.submit('/', { name, email, ...(team ? { team } : {}) });
  }

  /** Opens a personal link (its path, /l/…) and presses Continue. */
  async followLink(linkPath: string): Promise<Response> {
    return this.submit(linkPath, {});
  }

  learnerCookie(): string | undefined {
    return this.jar.cookies.get(this.names.learner);
  }

  /** The course page's config (commit URL with the session's token), or undefined when signed out. */
  async learnConfig(): Promise<{ commitUrl: string; cmi: Record<string, unknown> } | undefined> {
    const response = await this.get('/learn');
    if (response.status !== 200) {
      await response.arrayBuffer();
      return undefined;
    }
    return learnConfigIn(await response.text());
  }

  async managerSignIn(passcode: string): Promise<Response> {
    return this.submit('/manager', { passcode });
  }
}

/** The personal link in a welcome page, as a path (/l/…). */
export function linkPathIn(html: string): string | undefined {
  const m = /id="personal-link">[^<]*?(\/l\/[A-Za-z0-9_-]+)</.exec(html);
  return m?.[1];
}
