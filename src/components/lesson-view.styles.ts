import { css } from 'lit';

export const lessonViewStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    overflow-wrap: anywhere;
  }

  h1 {
    margin: 0;
    font-size: 1.75rem;
    line-height: 1.25;
  }

  /* Focus arrives here by script after navigation; keep the ring for keyboard users only. */
  h1:focus:not(:focus-visible) {
    outline: none;
  }

  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.25rem;
    line-height: 1.3;
  }

  p,
  ul,
  ol {
    margin: 0 0 var(--_space);
  }

  ul,
  ol {
    padding-inline-start: 1.5rem;
  }

  li + li {
    margin-block-start: 0.25rem;
  }

  .header {
    margin-block-end: var(--_space-3);
  }

  .minutes {
    margin: var(--_space) 0 0;
    color: var(--_text-muted);
  }

  section {
    margin-block-end: var(--_space-4);
  }

  /* The activities are slotted blocks with no margins of their own: space them here, so a
     question's feedback never touches the next question's heading. */
  .activities {
    display: flex;
    flex-direction: column;
    gap: var(--_space-4);
  }

  .objectives {
    padding: var(--_space-2);
    background: var(--_notice-surface);
    border-inline-start: 4px solid var(--_brand);
    border-radius: var(--_radius);
  }

  .objectives ul {
    margin-block-end: 0;
  }

  .prose {
    max-inline-size: 70ch;
  }

  .prose > :last-child {
    margin-block-end: 0;
  }

  strong {
    font-weight: 700;
  }

  @container (min-width: 36rem) {
    h1 {
      font-size: 2rem;
    }
  }
`;
