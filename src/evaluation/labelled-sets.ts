// The labelled emails the analyzer is fitted and measured on (test/analyzer/corpus/README.md).

/** Fitted on: the team's earlier blind sets (read and tuned on since) and the corpus's train split. */
export const TRAINING_FILES = [
  'test/analyzer/fixtures/heldout.jsonl',
  'test/analyzer/fixtures/heldout2.jsonl',
  'test/analyzer/fixtures/heldout3.jsonl',
  'test/analyzer/fixtures/heldout4.jsonl',
  'test/analyzer/corpus/train.jsonl',
] as const;

/** Measured while developing: misses may be read, and then it informs the rules. */
export const DEV_FILE = 'test/analyzer/corpus/dev.jsonl';

/** Frozen: scored for the record, never read for misses, never tuned on. */
export const FROZEN_TEST_FILE = 'test/analyzer/corpus/test.jsonl';

/** A second labeller's independent verdicts on a sample of the corpus, for Cohen's kappa. */
export const SECOND_LABELS_FILE = 'test/analyzer/corpus/second-labels.jsonl';

/** The contract's own examples, kept beside the repository in the shared folder. */
export const SHARED_EXAMPLES_FILE = '../shared/emails/dev.jsonl';
