import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { useLocalized } from '../../../i18n/localized.ts';
import { useAccounts } from '../ledger-queries.ts';
import type { Account } from '../types.ts';

/** "1122 应收账款" — how accountants name an account. */
export function accountLabel(account: Pick<Account, 'code' | 'name'>, pick: (n: Account['name']) => string) {
  return `${account.code} ${pick(account.name)}`;
}

/**
 * Pick an account by code or name. Only accounts that take postings (active, no sub-accounts) unless
 * `anyAccount`; `filter` narrows further (bank and cash accounts for a payment).
 */
export function AccountSelect({
  anyAccount = false,
  filter,
  ...props
}: Omit<SelectProps<string>, 'options' | 'loading' | 'showSearch'> & {
  anyAccount?: boolean;
  filter?: (account: Account) => boolean;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const accounts = useAccounts();
  const options = (accounts.data ?? [])
    .filter((account) => anyAccount || (account.active && !account.hasChildren))
    .filter((account) => !filter || filter(account))
    .map((account) => ({ value: account.id, label: accountLabel(account, pick) }));
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      loading={accounts.isPending}
      options={options}
      placeholder={t('accounting.account.pick')}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}

/** Account id → account, for screens that show lines by id. */
export function useAccountMap(): Map<string, Account> {
  const accounts = useAccounts(true, useHasPermission('accounting.account.read'));
  return new Map((accounts.data ?? []).map((account) => [account.id, account]));
}

/** An account's name in the UI language from the chart; `fallback` (the server's) when it is not loaded. */
export function useAccountName(): (accountId: string, fallback: string) => string {
  const accounts = useAccountMap();
  const pick = useLocalized();
  return (accountId, fallback) => {
    const account = accounts.get(accountId);
    return account ? pick(account.name) : fallback;
  };
}
