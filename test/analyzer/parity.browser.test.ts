/**
 * The analyzer must give the same results in Chromium as in Node: the same cases run here and,
 * through a test-runner command, in the Node process that serves the tests.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { analyzeEmail, type AnalysisResult, type EmailInput } from '../../src/analyzer/index.ts';

async function cases(): Promise<EmailInput[]> {
  const text = await (await fetch(new URL('./fixtures/emails.jsonl', import.meta.url))).text();
  const labelled = text
    .trim()
    .split('\n')
    .map((line) => {
      const { subject, body, context } = JSON.parse(line) as EmailInput;
      return context ? { subject, body, context } : { subject, body };
    });
  return [
    ...labelled,
    { subject: '', body: '' },
    { subject: 'Emoji 👋', body: 'Hi 👋 team,\n\nCould you 🙏 send the report by Friday? 🎉\n\nThanks 😊' },
    { subject: 'RTL', body: 'مرحبا فريق، هل يمكنكم إرسال التقرير بحلول يوم الجمعة؟ شكرا' },
    { subject: 'HTML', body: '<p>Hi Ann,</p><p>Could you approve it by Friday 5 July?</p>' },
    { subject: 'CRLF', body: 'Hi Tom,\r\n\r\nCould you approve this by 14 June?\r\n\r\nThanks,\r\nDan' },
    { subject: 'Dates', body: 'Please reply by tomorow, by EOD, within two weeks, by the 12th or before noon.' },
    { subject: 'Long', body: 'word '.repeat(20_000) },
  ];
}

describe('analyzer parity: Chromium and Node', () => {
  it('gives identical results for every case', async () => {
    const inputs = await cases();
    const inBrowser = inputs.map((input) => analyzeEmail(input));
    const inNode = (await executeServerCommand('analyze-in-node', inputs)) as AnalysisResult[];
    expect(inNode).to.have.length(inputs.length);
    inputs.forEach((input, i) => {
      expect(inBrowser[i], `case ${i}: ${input.subject}`).to.deep.equal(inNode[i]);
    });
  });
});
