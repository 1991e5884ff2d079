import type { ReactNode } from 'react';
import { BrandIcon } from '@/components/ui/icons';
import './auth-layout.css';

export interface AuthLayoutProps {
  title: string;
  children: ReactNode;
}

/** Frame of the signed-out screens: brand on top, one card in the middle. */
export function AuthLayout({ title, children }: AuthLayoutProps) {
  return (
    <div className="auth-layout">
      <header className="auth-layout__brand">
        <span className="auth-layout__logo" aria-hidden="true">
          <BrandIcon />
        </span>
        <span className="auth-layout__name">TraceTrack</span>
        <span className="auth-layout__tagline">Seed-bag tracking for dispatch warehouses</span>
      </header>
      <main className="auth-layout__card">
        <h1 className="auth-layout__title">{title}</h1>
        {children}
      </main>
    </div>
  );
}
