import { useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { useHasPermission, useSession } from '../../../app/auth/session.tsx';

/**
 * Names of people by id for the voucher's 制单 / 审核 / 记账: the name the server sent, else the signed-in
 * person, else the user list when the role may read it; the caller shows "—" for anyone unknown.
 */
export function usePersonNames(): (id: string | null, sent?: string | null) => string | null {
  const session = useSession();
  const canList = useHasPermission('platform.user.read');
  const users = useQuery({
    queryKey: ['users', 'names'],
    queryFn: ({ signal }) => http.get<Page<{ id: string; name: string }>>('/users', { limit: 200 }, signal),
    select: (page) => new Map(page.items.map((user) => [user.id, user.name])),
    staleTime: 5 * 60_000,
    enabled: canList,
  });
  return (id, sent) => {
    if (sent) return sent;
    if (!id) return null;
    if (id === session.user.id) return session.user.name;
    return users.data?.get(id) ?? null;
  };
}
