import { z } from 'zod';

const text = z.string().min(1);

/**
 * Wording of a knowledge check (`<knowledge-check>`). Placeholders: `{number}`, `{total}`,
 * `{option}`.
 */
export const schema = z.strictObject({
  heading: text,
  headingNumbered: text,

  // How to answer.
  chooseOne: text,
  chooseAll: text,
  chooseTrueFalse: text,
  submit: text,
  tryAgain: text,

  // After answering.
  correct: text,
  incorrectRetry: text,
  incorrectFinal: text,
  youChose: text,
  rightAnswerOne: text,
  rightAnswerMany: text,
  missingOne: text,
  missingMany: text,
  wrongChosenOne: text,
  wrongChosenMany: text,
  yourAnswerTag: text,
  correctAnswerTag: text,
});
