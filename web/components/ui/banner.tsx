import type { ReactNode } from 'react';
import './banner.css';

export type BannerTone = 'info' | 'success' | 'warning' | 'error';

export interface BannerProps {
  tone?: BannerTone;
  title?: ReactNode;
  children?: ReactNode;
  /** A button or link placed at the banner's end, e.g. "Stay signed in". */
  action?: ReactNode;
}

/**
 * A message across the content. Errors and warnings are announced at once (role="alert");
 * information and success politely (role="status").
 */
export function Banner({ tone = 'info', title, children, action }: BannerProps) {
  const isUrgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`banner banner--${tone}`} role={isUrgent ? 'alert' : 'status'}>
      <div className="banner__body">
        {title ? <p className="banner__title">{title}</p> : null}
        {children ? <div className="banner__text">{children}</div> : null}
      </div>
      {action ? <div className="banner__action">{action}</div> : null}
    </div>
  );
}
