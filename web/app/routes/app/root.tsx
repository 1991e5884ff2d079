import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import type { AuthState } from '@common/contracts/auth';
import { useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { SessionExpiryBanner } from '@/features/auth/components/session-expiry-banner';
import type { AppOutletContext } from '@/app/routes/app/auth-context';
import { ErrorScreen } from '@/components/errors/error-screen';
import { ForbiddenScreen } from '@/components/errors/forbidden-screen';
import { SessionExpiredScreen } from '@/components/errors/session-expired-screen';
import { AppShell } from '@/components/layouts/app-shell';
import { ScanQueueBanner } from '@/components/layouts/scan-queue-banner';
import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import {
  SCREEN_DENIED_REASON,
  canOpen,
  isScreenHandle,
  type ScreenHandle,
} from '@/lib/authorization';
import { ScanQueueProvider } from '@/lib/scan-queue/scan-queue-provider';
import { useSessionEnded } from '@/lib/session';

/** The `handle` of the deepest matched screen route, if any. */
function useScreenHandle(): ScreenHandle | null {
  const matches = useMatches();
  const handles = matches.map((match) => match.handle).filter(isScreenHandle);
  return handles.at(-1) ?? null;
}

function ScreenOutlet({ auth, handle }: { auth: AuthState; handle: ScreenHandle | null }) {
  if (handle && !canOpen(auth.user.role, handle.screen)) {
    return <ForbiddenScreen reason={SCREEN_DENIED_REASON[handle.screen]} />;
  }
  return <Outlet context={auth satisfies AppOutletContext} />;
}

function SignedInShell({ auth }: { auth: AuthState }) {
  const logoutMutation = useLogout();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handle = useScreenHandle();

  async function handleSignOut() {
    await logoutMutation.mutateAsync().catch(() => undefined);
    await navigate(paths.auth.login.getHref(), { replace: true });
    queryClient.clear();
  }

  if (handle?.isFullScreen) {
    return (
      <div className="fullscreen">
        <SessionExpiryBanner />
        <ScreenOutlet auth={auth} handle={handle} />
      </div>
    );
  }
  return (
    <AppShell
      user={auth.user}
      onSignOut={() => void handleSignOut()}
      isSigningOut={logoutMutation.isPending}
      banner={
        <>
          <SessionExpiryBanner />
          <ScanQueueBanner />
        </>
      }
    >
      <ScreenOutlet auth={auth} handle={handle} />
    </AppShell>
  );
}

/**
 * Gate of every signed-in screen: loads /api/auth/me, sends the signed-out to the login page
 * (remembering where they wanted to go) and shows "session ended" when the server says so.
 * The offline scan queue lives here, so waiting scans are sent from whichever screen is open.
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
  return (
    <ScanQueueProvider key={me.data.user.username} owner={me.data.user.username}>
      <SignedInShell auth={me.data} />
    </ScanQueueProvider>
  );
}
