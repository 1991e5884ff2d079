import type { ReactNode } from 'react';
import './coming-soon.css';

export interface ComingSoonProps {
  title: string;
  icon: ReactNode;
  /** One honest sentence, e.g. "Packing station arrives in the next release." */
  children: ReactNode;
}

/** Placeholder for a screen that is not built yet: says so plainly, no fake controls. */
export function ComingSoon({ title, icon, children }: ComingSoonProps) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <section className="coming-soon">
        <span className="coming-soon__icon" aria-hidden="true">
          {icon}
        </span>
        <div className="coming-soon__text">{children}</div>
      </section>
    </div>
  );
}
