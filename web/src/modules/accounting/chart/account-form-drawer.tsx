import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useSaveAccount } from '../ledger-queries.ts';
import { AccountSelect } from '../shared/account-select.tsx';
import {
  ACCOUNT_ROLES,
  ACCOUNT_TYPES,
  type Account,
  type AccountCreate,
  type AccountPatch,
  type AccountRole,
  type AccountType,
} from '../types.ts';

interface FormValues {
  code: string;
  nameZh?: string;
  nameEn?: string;
  type: AccountType;
  parentId?: string;
  reconcilable: boolean;
  cashFlow: boolean;
  currency?: string;
  active: boolean;
  role?: AccountRole;
}

function names(values: FormValues): Record<string, string> {
  const name: Record<string, string> = {};
  if (values.nameZh?.trim()) name['zh-CN'] = values.nameZh.trim();
  if (values.nameEn?.trim()) name.en = values.nameEn.trim();
  return name;
}

function toInput(values: FormValues, existing: Account | undefined): AccountCreate | AccountPatch {
  const currency = values.currency?.trim().toUpperCase() || null;
  if (existing)
    return {
      version: existing.version,
      name: names(values),
      reconcilable: values.reconcilable,
      cashFlow: values.cashFlow,
      currency,
      active: values.active,
      role: values.role ?? null,
    };
  return {
    code: values.code.trim(),
    name: names(values),
    type: values.type,
    parentId: values.parentId ?? null,
    reconcilable: values.reconcilable,
    cashFlow: values.cashFlow,
    currency,
  };
}

function initialValues(account: Account | undefined): Partial<FormValues> {
  if (!account) return { type: 'asset', reconcilable: false, cashFlow: false, active: true };
  return {
    code: account.code,
    nameZh: account.name['zh-CN'] ?? account.name.zh ?? '',
    nameEn: account.name.en ?? '',
    type: account.type,
    parentId: account.parentId ?? undefined,
    reconcilable: account.reconcilable,
    cashFlow: account.cashFlow,
    currency: account.currency ?? '',
    active: account.active,
    role: account.role ?? undefined,
  };
}

/** Add an account or sub-account; edit names, flags, activity and the role of an existing one. */
export function AccountFormDrawer({
  open,
  account,
  onClose,
}: {
  open: boolean;
  account?: Account;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveAccount(account);
  const required = { required: true, message: t('accounting.common.required') };
  const nameRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () =>
      String(getFieldValue('nameZh') ?? '').trim() || String(getFieldValue('nameEn') ?? '').trim()
        ? Promise.resolve()
        : Promise.reject(new Error(t('accounting.account.nameRequired'))),
  });

  return (
    <Drawer
      title={
        account ? t('accounting.account.editTitle', { code: account.code }) : t('accounting.account.new')
      }
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 480}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) form.setFieldsValue(initialValues(account) as FormValues);
        else save.reset();
      }}
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="account-save"
        >
          {t('common.save')}
        </Button>
      }
      data-testid="account-form"
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(account)}
        onFinish={(values) =>
          save.mutate(toInput(values, account), {
            onSuccess: () => {
              message.success(t('accounting.account.saved'));
              onClose();
            },
          })
        }
      >
        <Form.Item
          name="code"
          label={t('accounting.account.code')}
          rules={[
            required,
            { pattern: /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/, message: t('accounting.account.codeRule') },
          ]}
        >
          <Input disabled={Boolean(account)} maxLength={20} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('accounting.account.nameZh')} rules={[nameRule]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('accounting.account.nameEn')} rules={[nameRule]}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="type"
            label={t('accounting.account.type')}
            rules={[required]}
            style={{ flex: '1 1 160px' }}
          >
            <Select
              disabled={Boolean(account)}
              options={ACCOUNT_TYPES.map((value) => ({ value, label: t(`accounting.accountType.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="currency"
            label={t('accounting.account.currency')}
            rules={[{ pattern: /^[A-Za-z]{3}$/, message: t('accounting.account.currencyRule') }]}
            style={{ flex: '1 1 120px' }}
          >
            <Input maxLength={3} placeholder={t('accounting.account.anyCurrency')} />
          </Form.Item>
        </Flex>
        <Form.Item name="parentId" label={t('accounting.account.parent')}>
          <AccountSelect anyAccount allowClear disabled={Boolean(account)} />
        </Form.Item>
        {account ? (
          <Form.Item
            name="role"
            label={t('accounting.account.role')}
            extra={t('accounting.account.roleHint')}
          >
            <Select
              allowClear
              options={ACCOUNT_ROLES.map((value) => ({ value, label: t(`accounting.role.${value}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="reconcilable" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{t('accounting.account.reconcilableHint')}</Checkbox>
        </Form.Item>
        <Form.Item name="cashFlow" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{t('accounting.account.cashFlowHint')}</Checkbox>
        </Form.Item>
        {account ? (
          <Form.Item name="active" valuePropName="checked">
            <Checkbox>{t('accounting.account.active')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
