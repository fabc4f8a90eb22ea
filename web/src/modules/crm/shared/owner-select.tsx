import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHasPermission, useSession } from '../../../app/auth/session.tsx';
import { useUserOptions } from '../../settings/queries.ts';

/**
 * Pick a person (owner filters, assignment). People who may not list users (a salesperson) get
 * "me" only, so the control never asks the server for something it will refuse.
 */
export function OwnerSelect(props: Omit<SelectProps<string>, 'options' | 'loading'>) {
  const { t } = useTranslation();
  const session = useSession();
  const canList = useHasPermission('platform.user.read');
  const users = useUserOptions(canList);
  const me = { value: session.user.id, label: t('crm.common.me', { name: session.user.name }) };
  const others = (users.data ?? []).filter((option) => option.value !== session.user.id);
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={canList && users.isPending}
      options={[me, ...others]}
      {...props}
    />
  );
}
