import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ME_QUERY_KEY } from '@/features/auth/api/get-me';
import { CreateUserForm } from '@/features/users/components/create-user-form';
import {
  EMPTY_USER_FILTERS,
  UsersFilters,
  toUserFilters,
} from '@/features/users/components/users-filters';
import { UsersList } from '@/features/users/components/users-list';
import { useAuth } from '@/app/routes/app/auth-context';
import { ForbiddenScreen } from '@/components/errors/forbidden-screen';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useDocumentTitle } from '@/hooks/use-document-title';

const SEARCH_DEBOUNCE_MS = 300;

function UsersAdmin({ currentUserId }: { currentUserId: number }) {
  const [filterValues, setFilterValues] = useState(EMPTY_USER_FILTERS);
  const q = useDebouncedValue(filterValues.q, SEARCH_DEBOUNCE_MS);
  const [isCreating, setIsCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  // The signed-in admin may have edited their own row (email): keep the shell's copy fresh.
  function handleChanged(message: string) {
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
  }
  return (
    <div className="page">
      <div className="page__header">
        <h1>Users</h1>
        {isCreating ? null : (
          <Button
            icon={<PlusIcon />}
            onClick={() => {
              setNotice(null);
              setIsCreating(true);
            }}
          >
            Add user
          </Button>
        )}
      </div>
      {notice ? <Banner tone="success">{notice}</Banner> : null}
      {isCreating ? (
        <CreateUserForm
          onCancel={() => setIsCreating(false)}
          onCreated={(user) => {
            setIsCreating(false);
            setNotice(`User ${user.username} created. They can sign in now.`);
          }}
        />
      ) : null}
      <UsersFilters value={filterValues} onChange={setFilterValues} />
      <UsersList
        filters={toUserFilters({ ...filterValues, q })}
        currentUserId={currentUserId}
        onChanged={handleChanged}
      />
    </div>
  );
}

/** Admins manage accounts here; everyone else gets a friendly 403. */
export function UsersRoute() {
  useDocumentTitle('Users');
  const { user } = useAuth();
  if (user.role !== 'admin') {
    return <ForbiddenScreen reason="Managing users is for admins." />;
  }
  return <UsersAdmin currentUserId={user.id} />;
}
