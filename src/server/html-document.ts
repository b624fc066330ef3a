// The one skeleton every page the servers send is built on: the team server's pages, the preview
// LMS's host pages and the host's error page. The head loads nothing from elsewhere (no favicon
// request either), so each page's policy only has to allow its own styles and script.
import { escapeHtml } from './http.ts';

export interface HtmlDocument {
  /** The document's title, as text (escaped here). */
  title: string;
  /** The page's style sheet, inline (allowed by its hash, see csp.ts). */
  styles: string;
  /** A module script the head loads, from this server. */
  scriptUrl?: string;
  /** The body's markup. */
  body: string;
}

export function htmlDocument(page: HtmlDocument): string {
  const script = page.scriptUrl === undefined ? '' : `<script type="module" src="${escapeHtml(page.scriptUrl)}"></script>\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(page.title)}</title>
<style>${page.styles}</style>
${script}</head>
<body>
${page.body}
</body>
</html>
`;
}
