import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EmailChangeEvent, type EmailEditor } from '../../src/components/email-editor.ts';
import '../../src/components/email-editor.ts';
import { analysisWith, rangeOf, sampleEmail } from './analysis-fixture.ts';
import { analysisStrings } from './analysis-strings.ts';

function parts(el: EmailEditor) {
  const root = el.shadowRoot!;
  return {
    subject: root.querySelector<HTMLInputElement>('#subject')!,
    body: root.querySelector<HTMLTextAreaElement>('#body')!,
    kind: root.querySelector<HTMLSelectElement>('#kind')!,
    audience: root.querySelector<HTMLSelectElement>('#audience')!,
    subjectMarks: [...root.querySelectorAll<HTMLElement>('.backdrop--subject mark')],
    bodyMarks: [...root.querySelectorAll<HTMLElement>('.backdrop--body mark')],
    bodyBackdrop: root.querySelector<HTMLElement>('.backdrop--body')!,
    notice: root.querySelector<HTMLElement>('.notice')!,
  };
}

/** The backdrop's text without the zero-width space that keeps a trailing line open. */
const backdropText = (el: HTMLElement): string => el.textContent!.replace(/\u200b/g, '');

describe('<email-editor>', () => {
  it('is accessible, with labelled fields that pick their own text direction', async () => {
    const el = await fixture<EmailEditor>(html`<email-editor .strings=${analysisStrings}></email-editor>`);
    await expect(el).to.be.accessible();
    const { subject, body, kind, audience } = parts(el);
    expect(subject.labels?.[0]?.textContent?.trim()).to.equal('Subject');
    expect(body.labels?.[0]?.textContent?.trim()).to.equal('Message');
    expect(kind.labels?.[0]?.textContent?.trim()).to.equal('Kind of email');
    expect(audience.labels?.[0]?.textContent?.trim()).to.equal('Audience');
    expect(subject.getAttribute('dir')).to.equal('auto');
    expect(body.getAttribute('dir')).to.equal('auto');
  });

  it('stays accessible with highlights shown', async () => {
    const { subject, body } = sampleEmail;
    const result = analysisWith({
      subject: [{ field: 'subject', ...rangeOf(subject, 'Quick question'), message: 'Vague.' }],
      courteous: [{ field: 'body', ...rangeOf(body, 'Per my last email'), message: 'Sounds cross.' }],
    });
    const el = await fixture<EmailEditor>(
      html`<email-editor .strings=${analysisStrings} .subject=${subject} .body=${body} .result=${result}></email-editor>`,
    );
    await expect(el).to.be.accessible();
  });

  it('highlights findings in the subject and the body with the finding text inside each mark', async () => {
    const { subject, body } = sampleEmail;
    const result = analysisWith({
      subject: [{ field: 'subject', ...rangeOf(subject, 'Quick question'), message: 'Vague.' }],
      'clear-ask': [{ field: 'body', ...rangeOf(body, 'by Friday'), message: 'Good deadline.' }],
    });
    const el = await fixture<EmailEditor>(
      html`<email-editor .strings=${analysisStrings} .subject=${subject} .body=${body} .result=${result}></email-editor>`,
    );
    const { subjectMarks, bodyMarks, bodyBackdrop } = parts(el);
    expect(subjectMarks.map((m) => m.textContent)).to.deep.equal(['Quick question']);
    expect(subjectMarks[0]!.dataset['check']).to.equal('subject');
    expect(bodyMarks.map((m) => m.textContent)).to.deep.equal(['by Friday']);
    expect(bodyMarks[0]!.dataset['check']).to.equal('clear-ask');
    // The backdrop mirrors the body exactly, or the marks would drift from the text above them.
    expect(backdropText(bodyBackdrop)).to.equal(body);
    expect(bodyBackdrop.getAttribute('aria-hidden')).to.equal('true');
  });

  it('gives each check a different underline, so colour is not the only cue', async () => {
    const body = 'one two';
    const result = analysisWith({
      'clear-ask': [{ field: 'body', start: 0, end: 3, message: 'x' }],
      'plain-language': [{ field: 'body', start: 4, end: 7, message: 'y' }],
    });
    const el = await fixture<EmailEditor>(html`<email-editor .strings=${analysisStrings} .body=${body} .result=${result}></email-editor>`);
    const [ask, plain] = parts(el).bodyMarks.map((m) => getComputedStyle(m));
    expect(ask!.textDecorationLine).to.contain('underline');
    expect(ask!.textDecorationStyle).to.not.equal(plain!.textDecorationStyle);
    expect(ask!.backgroundColor).to.not.equal(plain!.backgroundColor);
  });

  it('splits overlapping and nested findings into sibling marks', async () => {
    const body = 'Please send the report by Friday.';
    const result = analysisWith({
      'clear-ask': [{ field: 'body', ...rangeOf(body, 'send the report'), message: 'a' }],
      concise: [{ field: 'body', ...rangeOf(body, 'the report by Friday'), message: 'b' }],
      courteous: [{ field: 'body', ...rangeOf(body, 'report'), message: 'c' }],
    });
    const el = await fixture<EmailEditor>(html`<email-editor .strings=${analysisStrings} .body=${body} .result=${result}></email-editor>`);
    const { bodyMarks, bodyBackdrop } = parts(el);
    expect(bodyMarks.map((m) => `${m.textContent}|${m.dataset['checks']}`)).to.deep.equal([
      'send |clear-ask',
      'the |clear-ask concise',
      'report|clear-ask concise courteous',
      ' by Friday|concise',
    ]);
    expect(bodyBackdrop.querySelector('mark mark')).to.equal(null);
    expect(bodyMarks[1]!.classList.contains('overlap')).to.equal(true);
    expect(backdropText(bodyBackdrop)).to.equal(body);
  });

  it('wraps the backdrop exactly like the field and keeps it scrolled with the field', async () => {
    const body = Array.from({ length: 60 }, (_, i) => `Line ${i}: a sentence long enough to wrap at narrow widths.`).join('\n');
    const result = analysisWith({ concise: [{ field: 'body', start: body.length - 6, end: body.length, message: 'x' }] });
    const el = await fixture<EmailEditor>(
      html`<email-editor .strings=${analysisStrings} style="inline-size: 300px" .body=${body} .result=${result}></email-editor>`,
    );
    const { body: textarea, bodyBackdrop } = parts(el);
    expect(bodyBackdrop.clientWidth).to.equal(textarea.clientWidth);
    expect(Math.abs(bodyBackdrop.scrollHeight - textarea.scrollHeight)).to.be.at.most(1);
    textarea.scrollTop = 400;
    await new Promise((resolve) => textarea.addEventListener('scroll', resolve, { once: true }));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(bodyBackdrop.scrollTop).to.equal(textarea.scrollTop);
    expect(textarea.scrollTop).to.be.greaterThan(0);
  });

  it('keeps the subject backdrop scrolled with a long subject line', async () => {
    const el = await fixture<EmailEditor>(html`<email-editor .strings=${analysisStrings} style="inline-size: 280px"></email-editor>`);
    const { subject } = parts(el);
    subject.focus();
    await sendKeys({ type: 'Please read this very important update about the new budget process' });
    el.result = analysisWith({ subject: [{ field: 'subject', start: 0, end: 11, message: 'Shouting.' }] });
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const backdrop = el.shadowRoot!.querySelector<HTMLElement>('.backdrop--subject')!;
    expect(subject.scrollLeft).to.be.greaterThan(0);
    expect(backdrop.scrollLeft).to.equal(subject.scrollLeft);
  });

  it('shows pasted HTML as text and keeps emoji and right-to-left text whole', async () => {
    const body = '<b>bold</b><script>alert(1)</script> 👋 مرحبا';
    const result = analysisWith({
      'plain-language': [{ field: 'body', ...rangeOf(body, '<b>bold</b>'), message: 'a' }],
      courteous: [{ field: 'body', start: body.indexOf('👋') + 1, end: body.length, message: 'b' }],
    });
    const el = await fixture<EmailEditor>(html`<email-editor .strings=${analysisStrings} .body=${body} .result=${result}></email-editor>`);
    const { bodyMarks, bodyBackdrop, body: textarea } = parts(el);
    expect(textarea.value).to.equal(body);
    expect(bodyBackdrop.querySelector('b, script')).to.equal(null);
    expect(bodyMarks.map((m) => m.textContent)).to.deep.equal(['<b>bold</b>', '👋 مرحبا']);
  });

  it('fires a bubbling, composed email-change event with subject, body and context as the learner types', async () => {
    const el = await fixture<EmailEditor>(html`<email-editor .strings=${analysisStrings}></email-editor>`);
    const { subject, body, kind } = parts(el);
    const events: EmailChangeEvent[] = [];
    el.addEventListener('email-change', (e) => events.push(e));

    subject.focus();
    await sendKeys({ type: 'Budget' });
    body.focus();
    await sendKeys({ type: 'Hi team' });
    kind.value = 'follow-up';
    kind.dispatchEvent(new Event('change', { bubbles: true }));

    const last = events.at(-1)!;
    expect(last).to.be.instanceOf(EmailChangeEvent);
    expect(last.bubbles && last.composed).to.equal(true);
    expect(last.email).to.deep.equal({ subject: 'Budget', body: 'Hi team', context: { kind: 'follow-up' } });
    expect(events.length).to.equal('Budget'.length + 'Hi team'.length + 1);
  });

  it('fires no event when its properties are set in code', async () => {
    const el = await fixture<EmailEditor>(html`<email-editor .strings=${analysisStrings}></email-editor>`);
    let fired = 0;
    el.addEventListener('email-change', () => (fired += 1));
    el.subject = 'Set by code';
    el.body = 'Also by code';
    el.kind = 'update';
    await el.updateComplete;
    expect(parts(el).body.value).to.equal('Also by code');
    expect(parts(el).kind.value).to.equal('update');
    expect(fired).to.equal(0);
  });

  it('hides the kind and audience with hide-context but still reports them with each change', async () => {
    const el = await fixture<EmailEditor>(
      html`<email-editor .strings=${analysisStrings} hide-context kind="request" audience="technical"></email-editor>`,
    );
    await expect(el).to.be.accessible();
    expect(el.hideContext).to.equal(true);
    expect(el.shadowRoot!.querySelector('fieldset, #kind, #audience')).to.equal(null);
    const events: EmailChangeEvent[] = [];
    el.addEventListener('email-change', (e) => events.push(e));
    parts(el).body.focus();
    await sendKeys({ type: 'Hi' });
    expect(events.at(-1)!.email).to.deep.equal({
      subject: '',
      body: 'Hi',
      context: { kind: 'request', audience: 'technical' },
    });
    el.hideContext = false;
    await el.updateComplete;
    expect(parts(el).kind.value).to.equal('request');
  });

  it('lets Tab move focus out of the message field', async () => {
    const el = await fixture<EmailEditor>(html`<div><email-editor .strings=${analysisStrings}></email-editor><button>After</button></div>`);
    const editor = el.querySelector('email-editor')!;
    const { body } = parts(editor);
    body.focus();
    await sendKeys({ type: 'Hello' });
    await sendKeys({ press: 'Tab' });
    expect(editor.shadowRoot!.activeElement).to.not.equal(body);
    expect(body.value).to.equal('Hello');
    expect(document.activeElement).to.equal(el.querySelector('button'));
  });

  it('takes a 1 MB body without freezing: highlights pause and a notice says so', async () => {
    const body = 'Please send it. '.repeat(65_536); // 1 MiB of text
    const findings = Array.from({ length: 5_000 }, (_, i) => ({
      field: 'body' as const,
      start: i * 16,
      end: i * 16 + 6,
      message: 'x',
    }));
    const el = await fixture<EmailEditor>(
      html`<email-editor .strings=${analysisStrings} .body=${body} .result=${analysisWith({ concise: findings })}></email-editor>`,
    );
    const { body: textarea, bodyMarks, notice } = parts(el);
    expect(textarea.value.length).to.equal(body.length);
    expect(bodyMarks.length).to.equal(0);
    expect(notice.textContent).to.contain('highlights are paused');
  });

  it('renders nothing without its wording, and focus() and selectRange() wait quietly', async () => {
    const el = await fixture<EmailEditor>(html`<email-editor .body=${'Hello'}></email-editor>`);
    expect(el.shadowRoot!.children).to.have.length(0);
    el.focus();
    el.selectRange('body', 0, 2);
    el.strings = { ...analysisStrings, kindNames: { ...analysisStrings.kindNames, request: 'Demande' } };
    await el.updateComplete;
    expect([...parts(el).kind.options].map((o) => o.textContent!.trim())).to.include('Demande');
  });

  it('selects a finding’s text in the field on request', async () => {
    const { subject, body } = sampleEmail;
    const el = await fixture<EmailEditor>(html`<email-editor .strings=${analysisStrings} .subject=${subject} .body=${body}></email-editor>`);
    const { body: textarea } = parts(el);
    const range = rangeOf(body, 'by Friday');
    el.selectRange('body', range.start, range.end);
    expect(el.shadowRoot!.activeElement).to.equal(textarea);
    expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).to.equal('by Friday');
  });
});
