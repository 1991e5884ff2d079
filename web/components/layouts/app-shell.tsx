import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { areaDisplayName } from '@common/areas';
import { roleLabel, type Role } from '@common/roles';
import { AppNav } from '@/components/layouts/app-nav';
import { BrandIcon, SignOutIcon } from '@/components/ui/icons';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import './app-shell.css';

export interface ShellUser {
  username: string;
  role: Role;
  dispatchArea: string | null;
}

export interface AppShellProps {
  user: ShellUser;
  onSignOut: () => void;
  isSigningOut?: boolean;
  /** Shown above the page, e.g. the session expiry warning. */
  banner?: ReactNode;
  children: ReactNode;
}

function ShellHeader({
  user,
  onSignOut,
  isSigningOut,
}: Omit<AppShellProps, 'children' | 'banner'>) {
  const area = user.dispatchArea ? ` · ${areaDisplayName(user.dispatchArea)}` : '';
  return (
    <header className="shell__header">
      <Link to={paths.app.root.getHref()} className="shell__brand">
        <BrandIcon />
        <span>TraceTrack</span>
      </Link>
      <Link to={paths.app.account.getHref()} className="shell__user">
        <span className="visually-hidden">Your account: </span>
        <span className="shell__user-name">{user.username}</span>
        <span className="shell__user-role">
          {roleLabel(user.role)}
          {area}
        </span>
      </Link>
      <Button
        variant="ghost"
        className="shell__signout"
        icon={<SignOutIcon />}
        onClick={onSignOut}
        isLoading={isSigningOut}
      >
        <span className="shell__signout-text">Sign out</span>
      </Button>
    </header>
  );
}

/** Mobile-first frame of every signed-in screen: header, navigation, content. */
export function AppShell({ user, onSignOut, isSigningOut, banner, children }: AppShellProps) {
  return (
    <div className="shell">
      <a className="shell__skip" href="#main">
        Skip to content
      </a>
      <ShellHeader user={user} onSignOut={onSignOut} isSigningOut={isSigningOut} />
      <AppNav role={user.role} />
      <main id="main" className="shell__main" tabIndex={-1}>
        {banner}
        {children}
      </main>
    </div>
  );
}
