import { expect, fixture, html } from '@open-wc/testing';
import { parseInline, parseMarkdown, renderMarkdown } from '../../src/components/markdown.ts';

/** The rendered HTML without Lit's comment markers, attributes kept. */
async function rendered(source: string): Promise<{ el: HTMLElement; markup: string }> {
  const el = await fixture<HTMLElement>(html`<div>${renderMarkdown(source)}</div>`);
  const markup = el.innerHTML.replace(/<!--[^]*?-->/g, '').replace(/>\s+</g, '><').trim();
  return { el, markup };
}

describe('renderMarkdown', () => {
  it('is accessible, with real paragraphs and lists', async () => {
    const { el } = await rendered('Intro.\n\n- one\n- two\n\n1. first\n2. second');
    await expect(el).to.be.accessible();
  });

  it('makes paragraphs of blank-line separated text and joins the lines inside each', async () => {
    const { markup } = await rendered('First line\nsecond line.\n\n\n  Another paragraph.  \n');
    expect(markup).to.equal('<p>First line second line.</p><p>Another paragraph.</p>');
  });

  it('renders **bold** and *italic*, also nested', async () => {
    const { markup } = await rendered('A **bold** and *italic* word, **bold with *italic* inside**, *italic with **bold***.');
    expect(markup).to.equal(
      '<p>A <strong>bold</strong> and <em>italic</em> word, <strong>bold with <em>italic</em> inside</strong>, ' +
        '<em>italic with <strong>bold</strong></em>.</p>',
    );
  });

  it('makes bullet lists, joining indented and unindented continuation lines to their item', async () => {
    const { markup } = await rendered(
      'A good subject does two jobs:\n\n- **It names the topic.** "Wakefield"\n    beats "Warehouse".\n- It says what you need\nand by when.\n\nAfter.',
    );
    expect(markup).to.equal(
      '<p>A good subject does two jobs:</p><ul><li><strong>It names the topic.</strong> "Wakefield" beats "Warehouse".</li>' +
        '<li>It says what you need and by when.</li></ul><p>After.</p>',
    );
  });

  it('makes numbered lists, keeping a start other than 1', async () => {
    expect((await rendered('1. Write it\n2. Read it\n3. Send it')).markup).to.equal(
      '<ol><li>Write it</li><li>Read it</li><li>Send it</li></ol>',
    );
    const { el } = await rendered('4. Fourth\n5. Fifth');
    expect(el.querySelector('ol')!.getAttribute('start')).to.equal('4');
    expect(el.querySelector('ol')!.start).to.equal(4);
  });

  it('starts a list straight after a paragraph line, and a new list when the kind changes', () => {
    const blocks = parseMarkdown('Steps:\n- one\n- two\n1. first\nStill the first item.');
    expect(blocks.map((b) => (b.type === 'list' ? `${b.ordered ? 'ol' : 'ul'}:${b.items.length}` : 'p'))).to.deep.equal([
      'p',
      'ul:2',
      'ol:1',
    ]);
  });

  it('keeps a wrapped line that happens to start with a number as prose', () => {
    const blocks = parseMarkdown('Our best year was\n2024. It will be hard to beat.');
    expect(blocks).to.have.length(1);
    expect(blocks[0]!.type).to.equal('paragraph');
  });

  it('leaves stray or unmatched stars as text', () => {
    const text = (source: string) =>
      parseInline(source)
        .map((n) => (n.type === 'text' ? n.text : `<${n.type}>`))
        .join('|');
    expect(text('3 * 4 = 12')).to.equal('3 * 4 = 12');
    expect(text('**open but never closed')).to.equal('**open but never closed');
    expect(text('a ** b ** c')).to.equal('a ** b ** c');
    expect(text('*not italic *')).to.equal('*not italic *');
    expect(text('\\*escaped\\* stars')).to.equal('*escaped* stars');
    expect(text('**')).to.equal('**');
    expect(text('*')).to.equal('*');
  });

  it('renders HTML in the text as text, never as elements', async () => {
    const source = '<img src=x onerror="window.hacked=1"> **<script>alert(1)</script>**\n\n- <b>not bold</b>';
    const { el } = await rendered(source);
    expect(el.querySelector('img, script, b')).to.equal(null);
    expect(el.querySelector('p')!.textContent).to.equal('<img src=x onerror="window.hacked=1"> <script>alert(1)</script>');
    expect(el.querySelector('strong')!.textContent).to.equal('<script>alert(1)</script>');
    expect(el.querySelector('li')!.textContent).to.equal('<b>not bold</b>');
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('keeps emoji and right-to-left text, and reads Windows line endings', async () => {
    const { markup } = await rendered('Thanks 🎉👍🏽 **שלום** مرحبا\r\nagain.\r\n\r\n- 🙂');
    expect(markup).to.equal('<p>Thanks 🎉👍🏽 <strong>שלום</strong> مرحبا again.</p><ul><li>🙂</li></ul>');
  });

  it('renders nothing for empty or blank text', async () => {
    expect(parseMarkdown('')).to.deep.equal([]);
    expect(parseMarkdown('  \n\n \t\n')).to.deep.equal([]);
    const { markup } = await rendered('');
    expect(markup).to.equal('');
  });

  it('copes with very long text and a long run of unmatched stars', () => {
    const stars = '*a '.repeat(100_000) + '**b '.repeat(100_000);
    const inline = parseInline(stars);
    expect(inline).to.have.length(1);
    expect(inline[0]).to.deep.equal({ type: 'text', text: stars });

    const long = Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i} with **bold**.`).join('\n\n');
    const blocks = parseMarkdown(long);
    expect(blocks).to.have.length(2_000);
    expect(blocks[1_999]).to.deep.equal({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Paragraph 1999 with ' },
        { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
        { type: 'text', text: '.' },
      ],
    });
  });
});
