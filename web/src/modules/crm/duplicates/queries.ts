import { useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';
import type { Customer } from '../types.ts';

export interface CustomerMerge {
  id: string;
  survivorId: string;
  mergedId: string;
  moved?: Record<string, number>;
  createdAt: string;
  undoneAt?: string | null;
}

function refreshAll(): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['customers'] }),
    queryClient.invalidateQueries({ queryKey: ['merges'] }),
  ]).then(() => undefined);
}

/** Merge `mergedId` into `survivorId`; reads the merged customer's current version first. */
export function useMergeCustomers() {
  return useMutation({
    mutationFn: async ({
      mergedId,
      survivorId,
      reason,
    }: {
      mergedId: string;
      survivorId: string;
      reason?: string;
    }) => {
      const merged = await http.get<Customer>(`/customers/${encodeURIComponent(mergedId)}`);
      return http.post<CustomerMerge>(`/customers/${encodeURIComponent(mergedId)}/merge`, {
        survivorId,
        version: merged.version,
        ...(reason ? { reason } : {}),
      });
    },
    onSuccess: refreshAll,
  });
}

/** Undoes a merge. A plain function as well as a hook: the notice that offers it outlives the dialog. */
export async function undoMerge(mergeId: string): Promise<CustomerMerge> {
  const result = await http.post<CustomerMerge>(`/customer-merges/${encodeURIComponent(mergeId)}/undo`, {});
  await refreshAll();
  return result;
}

export function useUndoMerge() {
  return useMutation({ mutationFn: undoMerge });
}

export function useMerges(customerId: string) {
  return useQuery({
    queryKey: ['merges', customerId],
    queryFn: ({ signal }) =>
      http.get<Page<CustomerMerge>>(`/customers/${encodeURIComponent(customerId)}/merges`, undefined, signal),
    select: (page) => page.items,
  });
}
