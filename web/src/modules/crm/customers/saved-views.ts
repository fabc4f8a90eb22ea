import { useCallback, useState } from 'react';
import type { CustomerListFilters } from '../types.ts';

export interface SavedView {
  name: string;
  filters: CustomerListFilters;
}

function storageKey(userId: string, companyId: string): string {
  return `tandem.crm.customerViews.${userId}.${companyId}`;
}

function read(key: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (view): view is SavedView => typeof view?.name === 'string' && typeof view?.filters === 'object',
        )
      : [];
  } catch {
    return [];
  }
}

/** Named filter sets, kept in this browser per person and company (nothing on the server). */
export function useSavedViews(userId: string, companyId: string) {
  const key = storageKey(userId, companyId);
  const [views, setViews] = useState<SavedView[]>(() => read(key));

  const persist = useCallback(
    (next: SavedView[]) => {
      setViews(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the views last for this page only.
      }
    },
    [key],
  );

  const save = (name: string, filters: CustomerListFilters) =>
    persist([...views.filter((view) => view.name !== name), { name, filters }]);
  const remove = (name: string) => persist(views.filter((view) => view.name !== name));
  return { views, save, remove };
}
