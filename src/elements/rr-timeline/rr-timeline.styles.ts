import { css } from 'lit';

export const timelineStyles = css`
  :host {
    display: block;
    font:
      13px/1.4 system-ui,
      sans-serif;
    color: var(--rr-timeline-color, #ddd);
    background: var(--rr-timeline-background, #1b1d1f);
    border-radius: 4px;
    padding: 4px 6px;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
  }
  button,
  select {
    font: inherit;
    color: inherit;
    background: var(--rr-timeline-control-background, #2c2f33);
    border: 1px solid #555;
    border-radius: 3px;
    min-width: 2em;
    padding: 1px 6px;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--rr-timeline-focus, #4d9ebc);
    outline-offset: 1px;
  }
  input[type='range'] {
    flex: 1 1 120px;
    min-width: 80px;
    accent-color: var(--rr-timeline-accent, #4d9ebc);
  }
  output {
    font-variant-numeric: tabular-nums;
    min-width: 6ch;
    white-space: nowrap;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 3px;
  }
  .empty {
    opacity: 0.7;
  }
`;
