import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { friendlyErrorMessage } from '@/lib/error-messages';

export interface LoadErrorBannerProps {
  /** e.g. "Could not load the bags". */
  title: string;
  error: unknown;
  onRetry: () => void;
}

/** A failed load: what could not be loaded, why, and a "Try again" button. */
export function LoadErrorBanner({ title, error, onRetry }: LoadErrorBannerProps) {
  return (
    <Banner
      tone="error"
      title={title}
      action={
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      {friendlyErrorMessage(error)}
    </Banner>
  );
}
