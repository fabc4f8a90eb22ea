import { useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type { Pipeline } from '../types.ts';

/** Pipelines with their stages (the default one first). */
export function usePipelines(enabled = true) {
  return useQuery({
    queryKey: ['pipelines'],
    queryFn: ({ signal }) => http.get<Page<Pipeline>>('/pipelines', undefined, signal),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}
