import { useId, type HTMLAttributes, type ReactNode } from 'react';
import './card.css';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  /** Heading level of the title (default h2). */
  titleLevel?: 2 | 3;
  actions?: ReactNode;
  tone?: 'default' | 'highlight';
}

/** A raised panel; with a title it is a labelled region. */
export function Card({
  title,
  titleLevel = 2,
  actions,
  tone = 'default',
  className,
  children,
  ...rest
}: CardProps) {
  const Heading = titleLevel === 2 ? 'h2' : 'h3';
  const titleId = useId();
  return (
    <section
      className={`card card--${tone}${className ? ` ${className}` : ''}`}
      aria-labelledby={title ? titleId : undefined}
      {...rest}
    >
      {title || actions ? (
        <header className="card__header">
          {title ? (
            <Heading id={titleId} className="card__title">
              {title}
            </Heading>
          ) : null}
          {actions ? <div className="card__actions">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}
