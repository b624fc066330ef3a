import { css } from 'lit';

export const coursePlayerStyles = css`
  :host {
    display: block;
    min-block-size: 100vh;
    background: var(--_page);
  }

  .skip {
    font: inherit;
    border: 2px solid var(--_brand);
    border-radius: var(--_radius);
    text-decoration: underline;
    cursor: pointer;
    position: absolute;
    inset-inline-start: var(--_space);
    inset-block-start: -10rem;
    padding: var(--_space) var(--_space-2);
    background: var(--_surface);
    color: var(--_brand);
    z-index: 10;
  }
  .skip:focus {
    inset-block-start: var(--_space);
  }

  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    background: var(--_brand);
    color: var(--_on-brand);
  }
  .logo {
    display: var(--ee-logo-display, none);
    block-size: 2.5rem;
    inline-size: var(--ee-logo-width, 0);
    background: var(--ee-logo-url, none) no-repeat left center / contain;
  }
  .course-title {
    margin: 0;
    font-weight: 700;
    font-size: 1.125rem;
    flex: 1 1 12rem;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: var(--_space);
    font-size: 0.9375rem;
  }
  progress {
    inline-size: 8rem;
    accent-color: var(--_on-brand);
  }
  .mode,
  .banner a {
    color: var(--_on-brand);
    font-weight: 600;
  }
  .banner a:focus-visible {
    outline: 3px solid var(--_on-brand);
    outline-offset: 2px;
  }

  .notices {
    padding: var(--_space-2) var(--_space-3) 0;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) var(--_space-2);
    align-items: center;
    justify-content: space-between;
    margin: 0 0 var(--_space);
    padding: var(--_space) var(--_space-2);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_notice-surface);
    color: var(--_notice);
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(14rem, 18rem) minmax(0, 1fr);
    gap: var(--_space-3);
    padding: var(--_space-3);
    max-inline-size: 80rem;
    margin-inline: auto;
  }
  /* Free practice has no outline: its page takes the whole width. */
  .layout.single {
    grid-template-columns: minmax(0, 1fr);
  }
  @media (max-width: 56rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
      padding: var(--_space-2);
    }
  }
  /* On wide screens the outline stays in view beside a long lesson, scrolling on its own. */
  @media (min-width: 56.0625rem) {
    .outline {
      position: sticky;
      inset-block-start: var(--_space-3);
      max-block-size: calc(100vh - 2 * var(--_space-3));
      overflow-y: auto;
      box-sizing: border-box;
    }
  }

  .outline {
    align-self: start;
    background: var(--_surface);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: var(--_space-2);
  }
  .outline summary {
    cursor: pointer;
    padding: var(--_space) 0;
  }
  .outline h2 {
    display: inline;
    margin: 0;
    font-size: 1rem;
  }
  .outline summary .count {
    display: block;
    font-size: 0.875rem;
    font-weight: 400;
    color: var(--_text-muted);
  }
  .outline ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .outline a {
    display: grid;
    grid-template-columns: 1.25rem 1fr;
    column-gap: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    color: var(--_text);
    text-decoration: none;
  }
  .outline a:hover {
    background: var(--_page);
  }
  .outline a[aria-current='page'] {
    background: var(--_notice-surface);
    box-shadow: inset 4px 0 0 var(--_brand);
    font-weight: 600;
  }
  .outline a[aria-disabled='true'] {
    color: var(--_text-muted);
  }
  .outline .status {
    grid-column: 2;
    font-size: 0.8125rem;
    color: var(--_text-muted);
    font-weight: 400;
  }
  .outline .completed .marker {
    color: var(--_pass);
  }
  .outline .results a {
    display: block;
    margin-block-start: var(--_space);
    border-block-start: 1px solid var(--_border-subtle);
    font-weight: 600;
  }

  main {
    min-inline-size: 0;
    background: var(--_surface);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: var(--_space-3);
  }
  @media (max-width: 30rem) {
    .layout {
      padding: var(--_space);
    }
    main {
      padding: var(--_space-2);
    }
  }
  main:focus {
    outline: none;
  }

  .resume {
    margin: 0 0 var(--_space-2);
    padding: var(--_space) var(--_space-2);
    background: var(--_notice-surface);
    border-radius: var(--_radius);
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    justify-content: space-between;
    align-items: center;
    margin-block-start: var(--_space-4);
    padding-block-start: var(--_space-2);
    border-block-start: 1px solid var(--_border-subtle);
  }
  .pager .hint {
    flex-basis: 100%;
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }

  button,
  a.button {
    font: inherit;
    font-weight: 600;
    padding: var(--_space) var(--_space-3);
    border-radius: var(--_radius);
    border: 2px solid var(--_brand);
    background: var(--_brand);
    color: var(--_on-brand);
    cursor: pointer;
    text-decoration: none;
  }
  button.secondary,
  .notice button {
    background: var(--_surface);
    color: var(--_brand);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 1;
    background: var(--_border-subtle);
    border-color: var(--_border-subtle);
    color: var(--_text-muted);
  }
`;
