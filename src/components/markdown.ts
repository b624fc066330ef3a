/**
 * The small Markdown of lesson prose, rendered to Lit templates: paragraphs separated by blank
 * lines, `**bold**`, `*italic*`, `- ` bullet lists and `1. ` numbered lists. Lines inside a
 * paragraph or list item are joined with a space. Everything else is text: Lit escapes every
 * string it interpolates, so HTML in a lesson shows as written and never runs.
 */
import { html, type TemplateResult } from 'lit';

export type MarkdownInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MarkdownInline[] }
  | { type: 'em'; children: MarkdownInline[] };

export type MarkdownBlock =
  | { type: 'paragraph'; children: MarkdownInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: MarkdownInline[][] };

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;

/** Deeper emphasis than this (bold inside italic inside bold…) stays as literal text. */
const MAX_NESTING = 3;

/** Lesson prose as blocks of inline runs: data, so it can be tested without a DOM. */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  // Lines of the block being read; for a list, the lines of each item.
  let paragraph: string[] | null = null;
  let list: { ordered: boolean; start: number; items: string[][] } | null = null;

  const close = (): void => {
    if (paragraph) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
    if (list) {
      blocks.push({
        type: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((lines) => parseInline(lines.join(' '))),
      });
    }
    paragraph = null;
    list = null;
  };

  for (const raw of source.split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (line === '') {
      close();
      continue;
    }
    const bullet = BULLET.exec(raw);
    const numbered = bullet ? null : NUMBERED.exec(raw);
    // A numbered line interrupts a paragraph only from 1, so a wrapped "2024. The…" stays prose.
    const startsList = bullet !== null || (numbered !== null && (!paragraph || numbered[1] === '1'));
    if (startsList) {
      const ordered = numbered !== null;
      const text = (bullet?.[1] ?? numbered?.[2] ?? '').trim();
      if (!list || list.ordered !== ordered) {
        close();
        list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      }
      list.items.push([text]);
    } else if (list) {
      // A line that is not an item continues the last item, indented or not.
      list.items[list.items.length - 1]?.push(line);
    } else {
      paragraph ??= [];
      paragraph.push(line);
    }
  }
  close();
  return blocks;
}

/**
 * `**bold**` and `*italic*` runs; a marker opens only before a non-space and closes only after
 * one, and a marker without its partner is text. `\*` is a literal star.
 */
export function parseInline(text: string, depth = 0): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  let buffer = '';
  // Once a search for a closing marker fails from some point, it fails from every later point
  // too: remembering that keeps a long run of unmatched stars linear rather than quadratic.
  let noStrongCloseFrom = Infinity;
  let noEmCloseFrom = Infinity;

  const flush = (): void => {
    if (buffer) out.push({ type: 'text', text: buffer });
    buffer = '';
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && (text[i + 1] === '*' || text[i + 1] === '\\')) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (char === '*' && depth < MAX_NESTING) {
      const strong = text[i + 1] === '*';
      const from = i + (strong ? 2 : 1);
      const limit = strong ? noStrongCloseFrom : noEmCloseFrom;
      if (from < limit && opensAt(text, from)) {
        const end = strong ? findStrongClose(text, from) : findEmClose(text, from);
        if (end < 0) {
          if (strong) noStrongCloseFrom = from;
          else noEmCloseFrom = from;
        } else {
          flush();
          out.push({ type: strong ? 'strong' : 'em', children: parseInline(text.slice(from, end), depth + 1) });
          i = end + (strong ? 2 : 1);
          continue;
        }
      }
      // An unmatched `**` is two literal stars: neither may open italics on its own.
      const literal = strong ? 2 : 1;
      buffer += text.slice(i, i + literal);
      i += literal;
      continue;
    }
    buffer += char;
    i += 1;
  }
  flush();
  return out;
}

function opensAt(text: string, at: number): boolean {
  const next = text[at];
  return next !== undefined && !/\s/.test(next) && next !== '*';
}

function closesAt(text: string, at: number): boolean {
  const previous = text[at - 1];
  return previous !== undefined && !/\s/.test(previous) && !isEscaped(text, at);
}

function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let j = at - 1; j >= 0 && text[j] === '\\'; j -= 1) slashes += 1;
  return slashes % 2 === 1;
}

function findStrongClose(text: string, from: number): number {
  for (let at = text.indexOf('**', from + 1); at >= 0; at = text.indexOf('**', at + 1)) {
    if (closesAt(text, at)) return at;
  }
  return -1;
}

/**
 * The end of an italic run: a run of stars of odd length (`*`, or `***` closing bold inside the
 * italics) after a non-space; its last star closes. Runs of even length are bold markers.
 */
function findEmClose(text: string, from: number): number {
  for (let at = text.indexOf('*', from + 1); at >= 0; ) {
    let end = at;
    while (text[end] === '*') end += 1;
    if ((end - at) % 2 === 1 && closesAt(text, at)) return end - 1;
    at = text.indexOf('*', end);
  }
  return -1;
}

/** Lesson prose as a Lit template: `<p>`, `<ul>`, `<ol>`, `<strong>` and `<em>`, nothing else. */
export function renderMarkdown(source: string): TemplateResult {
  return html`${parseMarkdown(source).map(renderBlock)}`;
}

function renderBlock(block: MarkdownBlock): TemplateResult {
  if (block.type === 'paragraph') return html`<p>${renderInline(block.children)}</p>`;
  const items = block.items.map((item) => html`<li>${renderInline(item)}</li>`);
  if (!block.ordered) return html`<ul>${items}</ul>`;
  return block.start === 1 ? html`<ol>${items}</ol>` : html`<ol start=${block.start}>${items}</ol>`;
}

function renderInline(nodes: readonly MarkdownInline[]): unknown[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return html`<strong>${renderInline(node.children)}</strong>`;
      case 'em':
        return html`<em>${renderInline(node.children)}</em>`;
    }
  });
}
