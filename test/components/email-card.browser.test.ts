import { expect, fixture, html } from '@open-wc/testing';
import type { EmailCard } from '../../src/components/email-card.ts';
import '../../src/components/email-card.ts';

function parts(el: EmailCard) {
  const root = el.shadowRoot!;
  return {
    heading: root.querySelector<HTMLElement>('[role="heading"]'),
    subject: root.querySelector<HTMLElement>('.subject')!,
    subjectText: root.querySelector<HTMLElement>('.subject-text')!,
    body: root.querySelector<HTMLElement>('.body')!,
  };
}

const body = 'Hi Priya,\n\nWhich day suits you?\n    Indented line.\n\nBest regards,\nChris\n';

describe('<email-card>', () => {
  it('is accessible and shows a heading, the subject with its label, and the body', async () => {
    const el = await fixture<EmailCard>(
      html`<email-card heading="Before" subject="Following up" .body=${body} subject-label="Subject"></email-card>`,
    );
    await expect(el).to.be.accessible();
    const { heading, subject, subjectText, body: bodyEl } = parts(el);
    expect(heading!.textContent!.trim()).to.equal('Before');
    expect(heading!.getAttribute('aria-level')).to.equal('3');
    expect(subject.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Subject: Following up');
    expect(subjectText.getAttribute('dir')).to.equal('auto');
    expect(bodyEl.getAttribute('dir')).to.equal('auto');
    // Line breaks and indentation are kept; only the trailing newline goes.
    expect(bodyEl.textContent).to.equal(body.trimEnd());
    const style = getComputedStyle(bodyEl);
    expect(style.whiteSpace).to.equal('pre-wrap');
    expect(style.overflowWrap).to.equal('anywhere');
  });

  it('takes its heading level from heading-level or headingLevel, within 1–6', async () => {
    const el = await fixture<EmailCard>(html`<email-card heading="After" heading-level="4"></email-card>`);
    expect(el.headingLevel).to.equal(4);
    expect(parts(el).heading!.getAttribute('aria-level')).to.equal('4');
    el.headingLevel = 2;
    await el.updateComplete;
    expect(parts(el).heading!.getAttribute('aria-level')).to.equal('2');
    el.headingLevel = 9;
    await el.updateComplete;
    expect(parts(el).heading!.getAttribute('aria-level')).to.equal('6');
  });

  it('has no heading when none is given, and shows slotted content', async () => {
    const el = await fixture<EmailCard>(
      html`<email-card subject="Hello" body="Text"><p class="badge">Score 80/100</p></email-card>`,
    );
    await expect(el).to.be.accessible();
    expect(parts(el).heading).to.equal(null);
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Score 80/100']);
    // Without a label the subject stands alone.
    expect(parts(el).subject.textContent!.trim()).to.equal('Hello');
  });

  it('shows the "no subject" wording for an empty or blank subject', async () => {
    const el = await fixture<EmailCard>(
      html`<email-card subject="   " body="Text" subject-label="Subject" no-subject-text="(no subject)"></email-card>`,
    );
    await expect(el).to.be.accessible();
    expect(parts(el).subject.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Subject: (no subject)');
    expect(parts(el).subjectText.classList.contains('empty')).to.equal(true);
  });

  it('shows HTML, emoji and right-to-left text as text', async () => {
    const el = await fixture<EmailCard>(
      html`<email-card
        heading="<em>Before</em>"
        subject="<img src=x onerror=alert(1)> שלום 🎉"
        body="<script>alert(1)</script>\nمرحبا بكم 👋🏽"
      ></email-card>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, em')).to.equal(null);
    expect(parts(el).heading!.textContent!.trim()).to.equal('<em>Before</em>');
    expect(parts(el).subjectText.textContent).to.equal('<img src=x onerror=alert(1)> שלום 🎉');
    expect(parts(el).body.textContent).to.equal('<script>alert(1)</script>\nمرحبا بكم 👋🏽');
  });

  it('wraps very long words and text at 320 px without scrolling sideways', async () => {
    const long = 'x'.repeat(3_000);
    const wrapper = await fixture<HTMLElement>(
      html`<div style="inline-size: 320px">
        <email-card heading=${long} subject=${long} body=${`${long}\n${'word '.repeat(20_000)}`}></email-card>
      </div>`,
    );
    const el = wrapper.querySelector('email-card')!;
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    for (const part of [parts(el).heading!, parts(el).subject, parts(el).body]) {
      expect(part.scrollWidth).to.be.at.most(part.clientWidth + 1);
    }
  });
});
