import { Button } from '@/components/ui/button';
import { StatusScreen } from '@/components/errors/status-screen';
import { isApiError } from '@/lib/api-client';
import { friendlyErrorMessage } from '@/lib/error-messages';
import { paths } from '@/config/paths';

export interface ErrorScreenProps {
  error: unknown;
  /** Offer "Try again" (e.g. refetch); without it the button reloads the page. */
  onRetry?: () => void;
  title?: string;
}

/** Something failed: say so plainly and show the request id support needs to find it in the logs. */
export function ErrorScreen({ error, onRetry, title = 'Something went wrong' }: ErrorScreenProps) {
  const requestId = isApiError(error) ? error.requestId : null;
  const code = isApiError(error) ? error.code : null;
  return (
    <StatusScreen
      mark="!"
      title={title}
      actions={
        <>
          <Button onClick={onRetry ?? (() => window.location.reload())}>Try again</Button>
          <a className="btn btn--secondary btn--md" href={paths.app.root.getHref()}>
            <span>Go to dashboard</span>
          </a>
        </>
      }
    >
      <p>{friendlyErrorMessage(error)}</p>
      {requestId ? (
        <>
          <p>If you contact support, give them this reference:</p>
          <p className="status-screen__reference">
            {requestId}
            {code ? ` · ${code}` : ''}
          </p>
        </>
      ) : null}
    </StatusScreen>
  );
}
