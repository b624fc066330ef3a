/** Hand-built wording and content for the lesson and question components' tests. */
import type { Example, Lesson, Question } from '../../src/content/schema.ts';
import type { UiStrings } from '../../src/content/strings/index.ts';

/** The `lesson` wording, as lessons/ui/lesson.yaml has it (the browser tests can't read YAML). */
export const lessonStrings: UiStrings['lesson'] = {
  durationOne: 'About 1 minute',
  durationMany: 'About {minutes} minutes',
  objectivesHeading: "What you'll learn",
  objectivesIntro: 'By the end of this lesson you can:',
  readingHeading: 'Key ideas',
  exampleHeading: 'Worked example',
  beforeHeading: 'Before',
  afterHeading: 'After',
  subjectLabel: 'Subject',
  noSubject: '(no subject)',
  scoreBadge: 'Score {score}/100',
  scoreBadgeSpoken: 'Score: {score} out of 100',
  scoreNote: 'Both emails are scored by the same checks that mark your rewrites.',
  changesHeading: 'What changed and why',
  changeLabel: 'What changed',
  whyLabel: 'Why it helps',
  reflectionHeading: 'Reflect',
  notesLabel: 'Your notes',
  notesLimit: 'Up to {max} characters.',
  notesPrivacy: 'Your notes are kept privately in your course record, for you to look back on. They are not scored.',
  saveNotes: 'Save my notes',
  notesSaved: 'Saved. You can change your notes and save them again at any time.',
};

/** The `question` wording, as lessons/ui/question.yaml has it. */
export const questionStrings: UiStrings['question'] = {
  heading: 'Check your understanding',
  headingNumbered: 'Question {number} of {total}',
  chooseOne: 'Choose one answer.',
  chooseAll: 'Choose every answer that applies.',
  chooseTrueFalse: 'Choose true or false.',
  submit: 'Submit',
  tryAgain: 'Try again',
  correct: "That's right.",
  incorrectRetry: 'Not quite. Read the feedback, then try again.',
  incorrectFinal: 'Not quite. Read the feedback and the right answer below.',
  youChose: 'You chose “{option}”',
  rightAnswerOne: 'The right answer:',
  rightAnswerMany: 'The right answers:',
  missingOne: 'You found {found} of the {total} right answers: 1 more is still to find.',
  missingMany: 'You found {found} of the {total} right answers: {missing} more are still to find.',
  wrongChosenOne: '1 of your choices is not a right answer.',
  wrongChosenMany: '{wrong} of your choices are not right answers.',
  yourAnswerTag: 'Your answer',
  correctAnswerTag: 'Right answer',
};

export const singleQuestion: Question = {
  id: 'subject_best',
  type: 'single',
  prompt: 'Which subject works best?',
  retry: true,
  options: [
    { text: 'Approve £3,100 for van trackers by Fri 11 Oct', correct: true, feedback: 'Right: topic, action and date.' },
    { text: 'Quick question', correct: false, feedback: '"Quick question" says nothing about the topic.' },
    { text: 'URGENT!!!', correct: false, feedback: 'Capitals and "!!!" read as shouting.' },
  ],
};

export const multipleQuestion: Question = {
  id: 'subject_weak',
  type: 'multiple',
  prompt: 'Which subject lines leave the reader guessing?',
  retry: true,
  options: [
    { text: 'Following up', correct: true, feedback: 'Yes: following up on what?' },
    { text: 'Update', correct: true, feedback: 'Yes: an update about anything.' },
    { text: 'Stocktake moved to Sat 19 Oct', correct: false, feedback: 'This one is fine.' },
  ],
};

export const trueFalseQuestion: Question = {
  id: 'subject_ten_words',
  type: 'true-false',
  prompt: 'Keep a subject to about ten words.',
  retry: false,
  options: [
    { text: 'True', correct: true, feedback: 'Correct: inboxes cut off the rest.' },
    { text: 'False', correct: false, feedback: 'It is true.' },
  ],
};

export const sampleExample: Example = {
  title: 'From "Following up" to a choice Priya can make from her inbox',
  before: {
    subject: 'Following up',
    body:
      'Hi Priya,\n\nThanks for your time on the phone on Monday. As promised, our engineer can fit the new wireless access points at the Wakefield warehouse on either Tuesday 8 or Thursday 10 October. They will clear the dead spots around the loading bays.\n\nCould you let me know which day suits you by Friday 27 September, so I can hold the engineer?\n\nBest regards,\nChris Lang\n',
  },
  after: {
    subject: 'Wakefield Wi-Fi install: 8 or 10 Oct? Reply by 27 Sept',
    body:
      "Hi Priya,\n\nWhich day would suit you for the Wakefield Wi-Fi install: Tuesday 8 or Thursday 10 October? If you can let me know by Friday 27 September, I'll hold the engineer for you.\n\nThe new access points will clear the dead spots around the loading bays.\n\nBest regards,\nChris Lang\n",
  },
  changes: [
    { change: '"Following up" became the topic: the Wakefield Wi-Fi install.', why: 'Priya can tell which follow-up this is.' },
    { change: 'The dates moved into the subject.', why: 'She can answer straight from her inbox.' },
  ],
};

export function makeLesson(overrides: Partial<Lesson> = {}): Lesson {
  return {
    id: 'subject_lines',
    title: 'Subject lines that get opened',
    role: 'unit',
    minutes: 4,
    objectives: [
      { check: 'subject', text: 'Write a subject that names the specific topic.' },
      { text: 'Replace vague subjects with about ten words.' },
    ],
    reading:
      'The subject line is the one part of your email everyone reads.\nIn a crowded inbox it decides\nwhether your message is opened.\n\nA good subject does two jobs:\n\n- **It names the topic, specifically.** "Wakefield loading bay"\n  beats "Warehouse".\n- **It says what you need and by when**, if the reader has to act.\n\n*Write the subject last.*',
    example: sampleExample,
    questions: [],
    scenarios: [],
    ...overrides,
  };
}
