import { useSearchParams } from 'react-router-dom';

/**
 * List filters kept in the URL (bookmarkable, survive a reload, the back button works):
 * `[values, update(patch), replaceAll(values)]`; empty values drop the parameter.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [
  Partial<Record<K, string>>,
  (patch: Partial<Record<K, string | undefined>>) => void,
  (all: Partial<Record<K, string>>) => void,
] {
  const [params, setParams] = useSearchParams();
  const values: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) values[key] = value;
  }
  const update = (patch: Partial<Record<K, string | undefined>>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch) as [string, string | undefined][]) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const replaceAll = (all: Partial<Record<K, string>>) => {
    const next = new URLSearchParams();
    for (const key of keys) if (all[key]) next.set(key, all[key] as string);
    setParams(next, { replace: true });
  };
  return [values, update, replaceAll];
}
