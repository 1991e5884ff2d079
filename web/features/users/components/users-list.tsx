import type { User } from '@common/contracts/users';
import type { UserFilters } from '@/features/users/api/get-users';
import { useUsers } from '@/features/users/api/get-users';
import { UserCard } from '@/features/users/components/user-card';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { LoadErrorBanner } from '@/components/ui/load-error-banner';
import { Spinner } from '@/components/ui/spinner';
import { friendlyErrorMessage } from '@/lib/error-messages';
import './users.css';

export interface UsersListProps {
  filters: UserFilters;
  currentUserId: number;
  onChanged: (notice: string) => void;
}

type UsersQuery = ReturnType<typeof useUsers>;

function ListFooter({ query, count }: { query: UsersQuery; count: number }) {
  if (!query.hasNextPage) {
    return (
      <p className="muted users-count">
        {count} user{count === 1 ? '' : 's'}
      </p>
    );
  }
  return (
    <>
      {query.isFetchNextPageError ? (
        <Banner tone="error">{friendlyErrorMessage(query.error)}</Banner>
      ) : null}
      <Button
        variant="secondary"
        isFullWidth
        isLoading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        Load more
      </Button>
    </>
  );
}

/** The users matching the filters, newest first, with "Load more" for the next page. */
export function UsersList({ filters, currentUserId, onChanged }: UsersListProps) {
  const query = useUsers(filters);
  const users: User[] | undefined = query.data?.pages.flatMap((page) => page.items);
  if (!users) {
    return query.isPending ? (
      <Spinner size="lg" label="Loading users…" />
    ) : (
      <LoadErrorBanner
        title="Could not load the users"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (users.length === 0) {
    return <p className="users-empty">No users match these filters.</p>;
  }
  return (
    <div className="stack">
      <ul className="users-list" aria-label="Users">
        {users.map((user) => (
          <UserCard
            key={user.id}
            user={user}
            isSelf={user.id === currentUserId}
            onChanged={onChanged}
          />
        ))}
      </ul>
      <ListFooter query={query} count={users.length} />
    </div>
  );
}
