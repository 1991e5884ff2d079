import type { ReactNode } from 'react';
import './status-screen.css';

export interface StatusScreenProps {
  /** A short symbol or number shown large above the title, e.g. "404". */
  mark: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}

/** The frame of every friendly error screen: big mark, one sentence, one clear way on. */
export function StatusScreen({ mark, title, children, actions }: StatusScreenProps) {
  return (
    <section className="status-screen" aria-labelledby="status-screen-title">
      <div className="status-screen__mark" aria-hidden="true">
        {mark}
      </div>
      <h1 id="status-screen-title" className="status-screen__title">
        {title}
      </h1>
      {children ? <div className="status-screen__text">{children}</div> : null}
      {actions ? <div className="status-screen__actions">{actions}</div> : null}
    </section>
  );
}
