import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorScreen } from '@/components/errors/error-screen';
import { NotFoundScreen } from '@/components/errors/not-found-screen';

/** ErrorBoundary of every route: a 404 response shows "not found", anything else the error screen. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundScreen />;
  }
  return <ErrorScreen error={error} />;
}
