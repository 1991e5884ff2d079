import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { AuthState } from '@common/contracts/auth';
import { useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { SessionExpiryBanner } from '@/features/auth/components/session-expiry-banner';
import type { AppOutletContext } from '@/app/routes/app/auth-context';
import { ErrorScreen } from '@/components/errors/error-screen';
import { SessionExpiredScreen } from '@/components/errors/session-expired-screen';
import { AppShell } from '@/components/layouts/app-shell';
import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useSessionEnded } from '@/lib/session';

function SignedInShell({ auth }: { auth: AuthState }) {
  const logoutMutation = useLogout();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function handleSignOut() {
    await logoutMutation.mutateAsync().catch(() => undefined);
    await navigate(paths.auth.login.getHref(), { replace: true });
    queryClient.clear();
  }

  return (
    <AppShell
      user={auth.user}
      onSignOut={() => void handleSignOut()}
      isSigningOut={logoutMutation.isPending}
      banner={<SessionExpiryBanner />}
    >
      <Outlet context={auth satisfies AppOutletContext} />
    </AppShell>
  );
}

/**
 * Gate of every signed-in screen: loads /api/auth/me, sends the signed-out to the login page
 * (remembering where they wanted to go) and shows "session ended" when the server says so.
 */
export function AppRoot() {
  const me = useMe();
  const endedWith = useSessionEnded();
  const location = useLocation();
  const navigate = useNavigate();
  const here = `${location.pathname}${location.search}`;

  if (endedWith === 'SESSION_EXPIRED') {
    return <SessionExpiredScreen onSignIn={() => void navigate(paths.auth.login.getHref(here))} />;
  }
  if (endedWith === 'AUTH_REQUIRED') {
    return <Navigate to={paths.auth.login.getHref(here)} replace />;
  }
  if (me.isPending) {
    return <PageSpinner label="Loading your account…" />;
  }
  if (me.isError) {
    return <ErrorScreen error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <SignedInShell auth={me.data} />;
}
