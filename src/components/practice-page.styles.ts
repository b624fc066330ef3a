import { css } from 'lit';

export const practicePageStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_page);
  }

  .page {
    box-sizing: border-box;
    max-inline-size: 80rem;
    margin-inline: auto;
    /* Inside the course the page already sits in a padded card: on a phone, no more inset. */
    padding: var(--_space-2) 0;
  }

  h1 {
    margin: 0 0 var(--_space);
    font-size: 1.75rem;
    line-height: 1.25;
    color: var(--_text);
  }

  h2 {
    margin: 0 0 var(--_space-2);
    font-size: 1.25rem;
    line-height: 1.3;
    color: var(--_text);
  }

  .intro {
    margin-block-end: var(--_space-3);
  }

  .intro p {
    max-inline-size: 68ch;
    margin: 0 0 var(--_space);
  }

  .privacy {
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }

  .layout,
  .results {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
    align-items: start;
  }

  .panel {
    box-sizing: border-box;
    min-inline-size: 0;
    padding: var(--_space-2);
    background: var(--_surface);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }

  @container (min-width: 36rem) {
    .page {
      padding: var(--_space-4) var(--_space-3);
    }
    .panel {
      padding: var(--_space-3);
    }
    h1 {
      font-size: 2rem;
    }
  }

  /* Side by side only when both columns have room; otherwise the results follow the editor. */
  @container (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }
`;
