import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useOnVisible } from '@/hooks/use-on-visible';
import { friendlyErrorMessage } from '@/lib/error-messages';
import { countOf } from '@/lib/format';
import './data-list.css';

export interface ListFooterProps {
  count: number;
  /** "bag" → "3 bags". */
  noun: string;
  /** When adding "s" is wrong: "entries". */
  pluralNoun?: string;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => void;
  /** Load the next page when the footer scrolls into view (default true). */
  isInfinite?: boolean;
}

/**
 * The end of a cursor-paginated list: loads the next page as it scrolls into view (infinite
 * scroll), with a "Load more" button for keyboards, screen readers and browsers without
 * IntersectionObserver.
 */
export function ListFooter({
  count,
  noun,
  pluralNoun = `${noun}s`,
  hasNextPage,
  isFetchingNextPage,
  isFetchNextPageError,
  error,
  fetchNextPage,
  isInfinite = true,
}: ListFooterProps) {
  const canAutoLoad = isInfinite && hasNextPage && !isFetchingNextPage && !isFetchNextPageError;
  const sentinel = useOnVisible<HTMLDivElement>(fetchNextPage, canAutoLoad);
  const shown = countOf(count, noun, pluralNoun);
  if (!hasNextPage) {
    return <p className="muted list-footer">{`${shown}, end of list`}</p>;
  }
  return (
    <div className="list-footer" ref={sentinel}>
      {isFetchNextPageError ? <Banner tone="error">{friendlyErrorMessage(error)}</Banner> : null}
      <p className="muted" aria-live="polite">
        {isFetchingNextPage ? (
          <Spinner size="sm" label={`Loading more ${pluralNoun}…`} />
        ) : (
          `${shown} so far`
        )}
      </p>
      <Button
        variant="secondary"
        isFullWidth
        isLoading={isFetchingNextPage}
        onClick={fetchNextPage}
      >
        Load more
      </Button>
    </div>
  );
}
