// A page's heading, focused when the page opens so keyboard and screen-reader users start there
// after a navigation; with the page's own controls beside it.

import { type ReactNode, useEffect, useRef } from 'react';

export function PageHeading(props: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Chimera`;
    heading.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <div className="page-heading">
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.children}
    </div>
  );
}
