// Content-Security-Policy without 'unsafe-inline': each page's own inline <style> and <script>
// blocks (and style attributes) are allowed by their SHA-256, computed from the page as sent,
// so an injected element or attribute, whose hash is not listed, does not run or apply.
import { createHash } from 'node:crypto';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function hashesOf(html: string, pattern: RegExp): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(pattern)) hashes.add(sha256(m[1] ?? ''));
  return [...hashes];
}

export interface PagePolicy {
  /** Sources for everything not named below ('none' for pages that load nothing). */
  defaultSrc: string;
  /** Script sources besides the page's own inline scripts. */
  scriptSrc?: string;
  styleSrc?: string;
  imgSrc?: string;
  connectSrc?: string;
  frameSrc?: string;
  fontSrc?: string;
  /** Who may frame the page: 'none' for the server's pages, 'self' for the course (in the course page's iframe). */
  frameAncestors: string;
}

/** The policy for `html`: its inline blocks and style attributes allowed by hash, nothing else inline. */
export function policyFor(html: string, policy: PagePolicy): string {
  const scripts = hashesOf(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/gi);
  const styles = hashesOf(html, /<style[^>]*>([\s\S]*?)<\/style>/gi);
  const styleAttributes = hashesOf(html, /\sstyle="([^"]*)"/gi);
  const list = (...parts: (string | undefined)[]) => parts.filter((p): p is string => p !== undefined && p !== '').join(' ') || "'none'";
  const directives = [
    `default-src ${policy.defaultSrc}`,
    `script-src ${list(policy.scriptSrc, ...scripts)}`,
    `style-src ${list(policy.styleSrc, ...styles, ...(styleAttributes.length > 0 ? ["'unsafe-hashes'", ...styleAttributes] : []))}`,
    `img-src ${policy.imgSrc ?? 'data:'}`,
    policy.connectSrc ? `connect-src ${policy.connectSrc}` : undefined,
    policy.frameSrc ? `frame-src ${policy.frameSrc}` : undefined,
    policy.fontSrc ? `font-src ${policy.fontSrc}` : undefined,
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${policy.frameAncestors}`,
  ];
  return directives.filter((d): d is string => d !== undefined).join('; ');
}

/** The server's own form pages: nothing loaded, no script. */
export const FORM_POLICY: PagePolicy = { defaultSrc: "'none'", frameAncestors: "'none'" };
/** A page shown inside the course's frame (the preview's cmi5 returnURL): nothing loaded, framed only here. */
export const FRAMED_PAGE_POLICY: PagePolicy = { defaultSrc: "'none'", frameAncestors: "'self'" };
/**
 * A page that hosts the course (the team server's /learn, the preview LMS's host pages): its
 * script, scorm-again's commits, the course in a same-origin frame.
 */
export const COURSE_HOST_POLICY: PagePolicy = { defaultSrc: "'self'", scriptSrc: "'self'", styleSrc: "'self'", imgSrc: "'self' data:", connectSrc: "'self'", frameSrc: "'self'", frameAncestors: "'none'" };
/** The manager's pages: their own inline script and styles only. */
export const MANAGER_POLICY: PagePolicy = { defaultSrc: "'none'", scriptSrc: "'self'", frameAncestors: "'none'" };
/** The built course, framed only by this server's course page. */
export const COURSE_POLICY: PagePolicy = { defaultSrc: "'self'", scriptSrc: "'self'", styleSrc: "'self'", imgSrc: "'self' data:", connectSrc: "'self'", fontSrc: "'self'", frameAncestors: "'self'" };
