import { MergeCellsOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useCustomerDuplicates } from '../customer/queries.ts';
import { DuplicateList } from '../shared/duplicate-list.tsx';
import type { Customer } from '../types.ts';
import { MergeDialog, type MergeParty } from './merge-dialog.tsx';
import { useMerges, useUndoMerge } from './queries.ts';

function MergeHistory({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const merges = useMerges(customerId);
  const undo = useUndoMerge();
  const canMerge = useHasPermission('crm.customer.merge');
  const items = merges.data ?? [];
  if (merges.isError || items.length === 0) return null;
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('crm.merge.history')}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={items}
        renderItem={(merge) => (
          <List.Item
            actions={
              canMerge && !merge.undoneAt
                ? [
                    <Button
                      key="undo"
                      size="small"
                      loading={undo.isPending && undo.variables === merge.id}
                      onClick={() =>
                        undo.mutate(merge.id, {
                          onSuccess: () => message.success(t('crm.merge.undone')),
                          onError: (err) => message.error(errorMessage(t, err)),
                        })
                      }
                    >
                      {t('crm.merge.undo')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <Flex vertical gap={2}>
              <Typography.Text>
                {merge.survivorId === customerId ? (
                  <>
                    {t('crm.merge.absorbed')}{' '}
                    <Link to={`/crm/customers/${merge.mergedId}`}>{t('crm.merge.mergedCustomer')}</Link>
                  </>
                ) : (
                  <>
                    {t('crm.merge.mergedInto')}{' '}
                    <Link to={`/crm/customers/${merge.survivorId}`}>{t('crm.merge.survivorCustomer')}</Link>
                  </>
                )}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(merge.createdAt)}
                {merge.undoneAt
                  ? ` · ${t('crm.merge.undoneAt', { at: formatDateTime(merge.undoneAt) })}`
                  : ''}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}

/** Likely duplicates of this customer with the reasons, a merge button each, and past merges with undo. */
export function DuplicateReview({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const canMerge = useHasPermission('crm.customer.merge');
  const phones = (customer.addresses ?? [])
    .map((address) => address.phone)
    .filter((phone): phone is string => !!phone);
  const duplicates = useCustomerDuplicates({
    name: customer.name,
    ...(customer.taxId ? { taxId: customer.taxId } : {}),
    ...(phones.length ? { phones: phones.slice(0, 10) } : {}),
    excludeId: customer.id,
  });
  const [other, setOther] = useState<MergeParty | null>(null);
  const current: MergeParty = { id: customer.id, name: customer.name, code: customer.code };
  const candidates = (duplicates.data ?? []).filter((item) => !item.entity || item.entity === 'customer');

  return (
    <Flex vertical gap={16} data-testid="duplicate-review">
      {duplicates.isPending ? <Spin /> : null}
      {duplicates.isError ? <Alert type="error" showIcon title={errorMessage(t, duplicates.error)} /> : null}
      {duplicates.isSuccess && candidates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('crm.duplicates.none')} />
      ) : null}
      {candidates.length > 0 ? (
        <DuplicateList
          candidates={candidates}
          extra={(candidate) =>
            canMerge && !customer.mergedIntoId ? (
              <Button
                size="small"
                icon={<MergeCellsOutlined />}
                onClick={() => setOther({ id: candidate.id, name: candidate.name, code: candidate.code })}
                data-testid="merge-button"
              >
                {t('crm.merge.button')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <MergeHistory customerId={customer.id} />
      {other ? <MergeDialog current={current} other={other} onClose={() => setOther(null)} /> : null}
    </Flex>
  );
}
