import type { ReactNode } from 'react';
import { Banner } from '@/components/ui/banner';
import { ListFooter } from '@/components/ui/list-footer';
import { LoadErrorBanner } from '@/components/ui/load-error-banner';
import { Spinner } from '@/components/ui/spinner';
import { friendlyErrorMessage } from '@/lib/error-messages';

/** What the list needs from a TanStack infinite query whose pages carry `items`. */
export interface PagedQuery<T> {
  data: { pages: readonly { items: readonly T[] }[] } | undefined;
  isPending: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

export interface PagedListProps<T> {
  query: PagedQuery<T>;
  /** The list's accessible name, e.g. "Bags". */
  label: string;
  /** The spinner's label while the first page loads, e.g. "Loading bags…". */
  loadingLabel: string;
  /** With a title the error offers "Try again"; without, it is a plain error banner. */
  errorTitle?: string;
  /** Shown when there is nothing to list, e.g. "No bags match these filters.". */
  emptyMessage: string;
  /** "bag" → "3 bags". */
  noun: string;
  pluralNoun?: string;
  /** Load the next page as the footer scrolls into view (default true). */
  isInfinite?: boolean;
  /** One `<li>` per item, with its key. */
  renderItem: (item: T) => ReactNode;
}

function FirstPageStatus<T>({ query, loadingLabel, errorTitle }: PagedListProps<T>) {
  if (query.isPending) {
    return <Spinner size="lg" label={loadingLabel} />;
  }
  return errorTitle ? (
    <LoadErrorBanner title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />
  ) : (
    <Banner tone="error">{friendlyErrorMessage(query.error)}</Banner>
  );
}

/**
 * A cursor-paginated list: a spinner or error until the first page arrives, an empty state,
 * then the items with a footer that loads more.
 */
export function PagedList<T>(props: PagedListProps<T>) {
  const { query, label, emptyMessage, noun, pluralNoun, isInfinite, renderItem } = props;
  const items = query.data?.pages.flatMap((page) => page.items);
  if (!items) {
    return <FirstPageStatus {...props} />;
  }
  if (items.length === 0) {
    return <p className="empty-state">{emptyMessage}</p>;
  }
  return (
    <div className="stack">
      <ul className="data-list" aria-label={label}>
        {items.map(renderItem)}
      </ul>
      <ListFooter
        count={items.length}
        noun={noun}
        pluralNoun={pluralNoun}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        isFetchNextPageError={query.isFetchNextPageError}
        error={query.error}
        fetchNextPage={() => void query.fetchNextPage()}
        isInfinite={isInfinite}
      />
    </div>
  );
}
