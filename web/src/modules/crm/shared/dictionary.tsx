import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import type { DictionaryEntry } from '../types.ts';

/** Dictionaries the CRM screens read: industry, lead_source (a customer's and a lead's source), lost_reason. */
export type DictionaryName = 'industry' | 'lead_source' | 'lost_reason';

/** The active entries of an editable dictionary (GET /dictionaries/:name/entries), cached for the session. */
export function useDictionary(name: DictionaryName) {
  return useQuery({
    queryKey: ['dictionary', name],
    queryFn: ({ signal }) =>
      http.get<Page<DictionaryEntry>>(
        `/dictionaries/${encodeURIComponent(name)}/entries`,
        { limit: 200, active: 'true' },
        signal,
      ),
    select: (page) => page.items,
    staleTime: 10 * 60_000,
  });
}

/** A dictionary code in words ("manufacturing" → 制造业); the code itself when the entry is unknown. */
export function DictionaryLabel({ name, code }: { name: DictionaryName; code: string | null | undefined }) {
  const pick = useLocalized();
  const entries = useDictionary(name);
  if (!code) return <>—</>;
  const entry = entries.data?.find((item) => item.code === code);
  return <>{entry ? pick(entry.name) : code}</>;
}

export function DictionarySelect({
  name,
  ...props
}: { name: DictionaryName } & Omit<SelectProps<string>, 'options' | 'loading'>) {
  const pick = useLocalized();
  const entries = useDictionary(name);
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={entries.isPending}
      options={(entries.data ?? []).map((entry) => ({ value: entry.code, label: pick(entry.name) }))}
      {...props}
    />
  );
}
