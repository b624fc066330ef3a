// Everything that needs the email analyzer, loaded just after the first lesson's reading shows
// so that the reading doesn't wait for it: the rewrite exercise, worked examples and the
// exercise machine (which scores rewrites).
import './rewrite-exercise.ts';
import './worked-example.ts';

export { exerciseMachine } from '../flows/exercise.ts';
