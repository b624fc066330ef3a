/** The `analysis` wording, as lessons/ui/analysis.yaml has it (the browser tests can't read YAML). */
import type { UiStrings } from '../../src/content/strings/index.ts';

export const analysisStrings: UiStrings['analysis'] = {
  checkNames: {
    subject: 'Subject line',
    'main-point-first': 'Main point first',
    'one-topic': 'One topic',
    'clear-ask': 'Clear ask',
    'plain-language': 'Plain language',
    'reader-value': 'Value to the reader',
    concise: 'Concise',
    courteous: 'Courteous',
    'follow-up': 'Follow-up',
  },

  subjectLabel: 'Subject',
  bodyLabel: 'Message',
  bodyHint:
    "Highlights show where a check found something. Each check's colour and underline are shown beside its name in the list of checks.",
  contextLegend: 'About this email',
  contextOptional: '(optional)',
  kindLabel: 'Kind of email',
  audienceLabel: 'Audience',
  notSpecified: 'Not specified',
  kindNames: { request: 'Request', 'follow-up': 'Follow-up', update: 'Update', announcement: 'Announcement' },
  audienceNames: { 'non-technical': 'Non-technical readers', technical: 'Technical readers' },
  highlightsPaused:
    'This email is very long, so highlights are paused to keep typing smooth. The checks still run and list what they find.',
  highlightsCapped:
    'There are many findings, so only the first {limit} in each field are highlighted. The list of checks shows them all.',

  checksEmpty: 'Write your email first. Each check appears here with what it found.',
  checkPassed: 'Passed',
  checkFailed: 'Needs work',
  checkNotApplicable: 'Does not apply',
  checkScoreLabel: 'score',
  checkPercent: '{percent}%',
  keySample: 'Abc',
  keyTitle: 'How this check highlights text',
  findingsOne: '1 finding',
  findingsMany: '{n} findings',
  findingsMore: 'The first {n} are listed; the editor highlights them all.',
  inSubject: 'In the subject',
  inBody: 'In the message',
  quote: '“{text}”',
  quoteAction: '(select it in your email)',
  suggestionLabel: 'Try:',

  scoreEmpty: 'Write your email first. Your score appears here as you type.',
  scoreError:
    'Sorry, this email could not be checked just now. Your text is still here: keep editing and the checks will try again.',
  scoreLabel: 'Score:',
  scoreOutOf: 'out of 100.',
  counts: '{passed}, {failed}, {notApplicable}.',
  countPassedOne: '1 check passed',
  countPassedMany: '{n} checks passed',
  countFailedOne: '1 needs work',
  countFailedMany: '{n} need work',
  countNotApplicableOne: '1 does not apply',
  countNotApplicableMany: '{n} do not apply',

  practiceHeading: 'Practice writing a work email',
  practiceIntro:
    'Write or paste an email below. Nine checks read it as a busy colleague would: is the point clear, is the ask clear, is it short and polite? Your score and tips update as you type.',
  practicePrivacy: 'Your text stays in this browser tab: nothing is sent or saved.',
  emailHeading: 'Your email',
  scoreHeading: 'Your score',
  checksHeading: 'Checks',
};
