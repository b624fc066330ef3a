/** `concise`: the body is as short as the job allows, in short paragraphs, without padding. */
import type { Email } from '../email.ts';
import { allMatches, countWords, excerpt } from '../text.ts';
import type { CheckResult, Finding } from '../types.ts';
import { checkResult, finding, type Features } from './result.ts';
import { phrasePattern } from '../lists/phrases.ts';
import { FILLER_PHRASES } from '../lists/concise.ts';

const ROUTINE_LIMIT = 150;
const NEWS_LIMIT = 200;
const WALL_OF_TEXT = 110;

const FILLER = phrasePattern(FILLER_PHRASES, 'gi');

export function checkConcise(email: Email, f: Features = {}): CheckResult {
  const own = email.sentences;
  const total = own.reduce((n, s) => n + countWords(s.text), 0);
  const limit = email.kind === 'update' || email.kind === 'announcement' ? NEWS_LIMIT : ROUTINE_LIMIT;
  const findings: Finding[] = [];

  const paragraphs = email.paragraphs.map((p) => ({ span: p, words: countWords(email.text.slice(p.start, p.end)) }));
  const walls = paragraphs.filter((p) => p.words > WALL_OF_TEXT);
  const fillers: { start: number; end: number; text: string }[] = [];
  for (const s of own) {
    for (const m of allMatches(FILLER, s.text)) {
      fillers.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0] });
    }
  }
  for (const w of walls) {
    findings.push(finding('body', w.span, `This paragraph is ${w.words} words: a wall of text that readers put off.`, 'Break it into short paragraphs of two or three sentences, or a list.'));
  }
  for (const f of fillers.slice(0, 5)) {
    findings.push(finding('body', f, `“${excerpt(email.body, f, 40)}” is padding: it adds words, not meaning.`, 'Cut it.'));
  }

  f['ratio'] = Math.min(total / limit, 3);
  f['over'] = Math.max(0, Math.min((total - limit) / limit, 2));
  f['walls'] = Math.min(walls.length, 3);
  f['fillers'] = Math.min(fillers.length, 5);
  f['longestParagraph'] = Math.min(paragraphs.reduce((m, p) => Math.max(m, p.words), 0) / WALL_OF_TEXT, 3);
  f['news'] = limit === NEWS_LIMIT ? 1 : 0;
  const over = total > limit;
  const padded = fillers.length >= 3 && total > limit * 0.6;
  let score = 1;
  if (over) score -= Math.min(0.7, ((total - limit) / limit) * 0.9 + 0.2);
  score -= 0.1 * Math.min(3, fillers.length);
  score -= 0.25 * Math.min(2, walls.length);
  if (email.truncated) score = 0;

  if (email.truncated) {
    return checkResult('concise', false, 0, `This text is far longer than any email should be; only the first ${email.text.length} characters were analysed. Cut it to the one thing the reader must know.`, findings);
  }
  if (!over && walls.length === 0 && !padded) {
    const message =
      fillers.length > 0
        ? `At ${total} words your email is a good length; trim the highlighted padding.`
        : `At ${total} words your email is short enough to read in the preview pane and act on.`;
    return checkResult('concise', true, Math.max(score, 0.6), message, findings);
  }
  if (over && findings.length === 0) {
    const first = own[0];
    const last = own[own.length - 1];
    if (first && last) findings.push(finding('body', { start: first.start, end: last.end }, `${total} words; aim for about ${limit}.`, 'Cut background the reader already knows and keep one request.'));
  }
  const why = over
    ? `At ${total} words this is long for its job (aim for about ${limit}); long emails get deferred and then buried.`
    : walls.length > 0
      ? 'A wall of text is hard to scan; readers put it off.'
      : 'Padding phrases make the email longer without saying more.';
  return checkResult('concise', false, Math.min(score, 0.5), `${why} Cut the padding and break it into short paragraphs.`, findings);
}
