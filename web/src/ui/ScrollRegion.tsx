// A box that scrolls sideways when its content (a wide table, a graph) is wider than the screen,
// so the page itself never does. It is a labelled region in the tab order, as keyboard users
// must be able to focus it to scroll it.

import type { ReactNode } from 'react';
import '../styles/scroll-region.css';

export function ScrollRegion(props: { label: string; className?: string; children: ReactNode }) {
  return (
    <section
      className={`scroll-region${props.className ? ` ${props.className}` : ''}`}
      aria-label={props.label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must take the focus.
      tabIndex={0}
    >
      {props.children}
    </section>
  );
}
