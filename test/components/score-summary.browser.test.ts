import { expect, fixture, html } from '@open-wc/testing';
import type { ScoreSummary } from '../../src/components/score-summary.ts';
import '../../src/components/score-summary.ts';
import { analysisWith } from './analysis-fixture.ts';
import { analysisStrings } from './analysis-strings.ts';

const region = (el: ScoreSummary) => el.shadowRoot!.querySelector<HTMLElement>('[aria-live]')!;

describe('<score-summary>', () => {
  it('is accessible and starts with a friendly prompt in a polite live region', async () => {
    const el = await fixture<ScoreSummary>(html`<score-summary .strings=${analysisStrings}></score-summary>`);
    await expect(el).to.be.accessible();
    expect(region(el).getAttribute('aria-live')).to.equal('polite');
    expect(region(el).getAttribute('role')).to.equal('status');
    expect(region(el).textContent).to.contain('Write your email first');
  });

  it('shows the score and the counts of passed, failed and not applicable checks', async () => {
    const result = analysisWith(
      { 'clear-ask': [{ field: 'body', start: 0, end: 1, message: 'x' }], concise: [] },
      64.6,
    );
    const el = await fixture<ScoreSummary>(html`<score-summary .strings=${analysisStrings} status="ready" .result=${result}></score-summary>`);
    await expect(el).to.be.accessible();
    const text = region(el).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Score: 65 out of 100.');
    expect(text).to.contain('7 checks passed, 1 needs work, 1 does not apply.');
  });

  it('shows a calm message when the analysis failed', async () => {
    const el = await fixture<ScoreSummary>(html`<score-summary .strings=${analysisStrings} status="error"></score-summary>`);
    await expect(el).to.be.accessible();
    expect(region(el).textContent).to.contain('could not be checked');
    expect(region(el).textContent).to.contain('Your text is still here');
  });
});
