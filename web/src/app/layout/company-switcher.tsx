import { BankOutlined } from '@ant-design/icons';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors.ts';
import { useSession, useSwitchCompany } from '../auth/session.tsx';

/** The companies this person works for; switching reloads every query for the new company. */
export function CompanySwitcher({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const switchCompany = useSwitchCompany();

  const change = (companyId: string) => {
    if (companyId === session.company.id) return;
    switchCompany.mutate(companyId, {
      onSuccess: (next) => void message.success(t('header.switchedCompany', { name: next.company.name })),
      onError: (err) => void message.error(errorMessage(t, err)),
    });
  };

  return (
    <Select
      value={session.company.id}
      options={session.companies.map((company) => ({ value: company.id, label: company.name }))}
      onChange={change}
      loading={switchCompany.isPending}
      disabled={switchCompany.isPending}
      prefix={<BankOutlined />}
      aria-label={t('header.company')}
      title={t('header.company')}
      popupMatchSelectWidth={false}
      style={{ width: block ? '100%' : 220 }}
      data-testid="company-switcher"
    />
  );
}
