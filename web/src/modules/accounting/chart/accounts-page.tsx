import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Flex,
  Input,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useLocalized } from '../../../i18n/localized.ts';
import { useAccounts } from '../ledger-queries.ts';
import { ACCOUNT_TYPES, type Account, type AccountType } from '../types.ts';
import { AccountFormDrawer } from './account-form-drawer.tsx';

type Row = Account & { children?: Row[] };

/** Accounts as a tree by parent (sub-accounts under their parent), each level ordered by code. */
export function accountTree(accounts: Account[]): Row[] {
  const byId = new Map<string, Row>(accounts.map((account) => [account.id, { ...account }]));
  const roots: Row[] = [];
  for (const row of byId.values()) {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), row];
    else roots.push(row);
  }
  const order = (rows: Row[]) => {
    rows.sort((a, b) => a.code.localeCompare(b.code));
    for (const row of rows) if (row.children) order(row.children);
  };
  order(roots);
  return roots;
}

/** The chart of accounts: a tree by code with type, role and flags; finance may add and edit accounts. */
export function AccountsPage() {
  const { t } = useTranslation();
  const pick = useLocalized();
  const canManage = useHasPermission('accounting.account.manage');
  const [showInactive, setShowInactive] = useState(false);
  const [q, setQ] = useState('');
  const [type, setType] = useState<AccountType | undefined>();
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const accounts = useAccounts(showInactive);

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const all = accounts.data ?? [];
    const filtered = all.filter(
      (account) =>
        (!type || account.type === type) &&
        (!needle ||
          account.code.startsWith(needle) ||
          Object.values(account.name).some((name) => name.toLowerCase().includes(needle))),
    );
    // While searching, show the matches flat: a match's parent may not match.
    return needle || type ? filtered.map((account) => ({ ...account })) : accountTree(filtered);
  }, [accounts.data, q, type]);

  const columns: TableColumnsType<Row> = [
    {
      title: t('accounting.account.code'),
      dataIndex: 'code',
      render: (code: string, account) => (
        <Typography.Text strong={account.hasChildren} delete={!account.active}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: t('accounting.account.name'),
      key: 'name',
      render: (_, account) => (
        <Flex vertical style={{ minWidth: 120 }}>
          <span>{pick(account.name)}</span>
          {account.active ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('accounting.account.inactive')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('accounting.account.type'),
      dataIndex: 'type',
      responsive: ['sm'],
      render: (value: AccountType) => t(`accounting.accountType.${value}`),
    },
    {
      title: t('accounting.account.role'),
      dataIndex: 'role',
      responsive: ['md'],
      render: (role: string | null) =>
        role ? <Tag color="blue">{t(`accounting.role.${role}`, { defaultValue: role })}</Tag> : null,
    },
    {
      title: t('accounting.account.flags'),
      key: 'flags',
      responsive: ['lg'],
      render: (_, account) => (
        <Flex gap={4} wrap>
          {account.reconcilable ? <Tag>{t('accounting.account.reconcilable')}</Tag> : null}
          {account.cashFlow ? <Tag color="cyan">{t('accounting.account.cashFlow')}</Tag> : null}
          {account.currency ? <Tag>{account.currency}</Tag> : null}
        </Flex>
      ),
    },
    ...(canManage
      ? [
          {
            title: '',
            key: 'edit',
            width: 48,
            render: (_: unknown, account: Row) => (
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={t('accounting.account.edit')}
                onClick={() => setEditing(account)}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('accounting.accounts.title')}
        subtitle={t('accounting.accounts.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="new-account"
            >
              {t('accounting.account.new')}
            </Button>
          ) : null
        }
      />
      <ContentCard>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('accounting.accounts.searchPlaceholder')}
            onSearch={setQ}
            onChange={(event) => setQ(event.target.value)}
            style={{ maxWidth: 320, flex: '1 1 200px' }}
          />
          <Select
            allowClear
            placeholder={t('accounting.account.type')}
            value={type}
            onChange={setType}
            options={ACCOUNT_TYPES.map((value) => ({ value, label: t(`accounting.accountType.${value}`) }))}
            style={{ minWidth: 120, flex: '0 1 160px' }}
          />
          <Flex gap={6} align="center">
            <Switch size="small" checked={showInactive} onChange={setShowInactive} />
            <Typography.Text>{t('accounting.accounts.showInactive')}</Typography.Text>
          </Flex>
        </Flex>
        {accounts.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, accounts.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Row>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={accounts.isFetching}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          expandable={{ defaultExpandAllRows: true }}
          key={rows.length}
          data-testid="accounts-table"
        />
      </ContentCard>
      <AccountFormDrawer
        open={editing !== null}
        account={editing === 'new' ? undefined : (editing ?? undefined)}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
