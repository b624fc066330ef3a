// Composition root: the free-practice page. Later the course flow and the LMS are wired here.
import './components/practice-page.ts';

const main = document.querySelector('main');
if (main) main.replaceChildren(document.createElement('practice-page'));
