import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { http } from '../../../api/client.ts';
import type { Names } from '../types.ts';

export interface TargetProgress {
  target: {
    id: string;
    kind: 'sales' | 'collection';
    userId: string | null;
    userName?: string | null;
    teamId: string | null;
    teamName?: Names | null;
    amount: string;
    currency: string;
  };
  achieved: string;
  percentage: string | null;
  /** Won opportunities, or accounting's received payments (not installed yet: 0, with a note). */
  source?: 'opportunities' | 'accounting';
  note?: string | null;
}

/** The first day of this month, as targets are keyed. */
export function thisMonth(): string {
  return dayjs().startOf('month').format('YYYY-MM-DD');
}

/** How far each target of the month the user may see has got (销售目标/回款目标). */
export function useTargetProgress(month: string, enabled: boolean) {
  return useQuery({
    queryKey: ['targets', 'progress', month],
    queryFn: ({ signal }) =>
      http.get<{ month: string; items: TargetProgress[] }>('/targets/progress', { month }, signal),
    enabled,
  });
}
