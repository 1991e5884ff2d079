import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ListUsersQuery, UserList } from '@common/contracts/users';
import { api } from '@/lib/api-client';

export const USERS_QUERY_KEY = ['users'] as const;

/** The list filters a screen can set (limit and cursor are the query's business). */
export type UserFilters = Pick<ListUsersQuery, 'role' | 'area' | 'q' | 'active'>;

/** GET /api/users: one page, newest first, `nextCursor` null on the last page. */
export async function getUsers(
  query: ListUsersQuery = {},
  signal?: AbortSignal,
): Promise<UserList> {
  return api.get<UserList>('/api/users', { params: { ...query }, signal });
}

export function getUsersQueryOptions(filters: UserFilters = {}) {
  return infiniteQueryOptions({
    queryKey: [...USERS_QUERY_KEY, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      getUsers({ ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Users matching `filters`, a page at a time ("Load more" calls fetchNextPage). */
export function useUsers(filters: UserFilters = {}) {
  return useInfiniteQuery(getUsersQueryOptions(filters));
}
