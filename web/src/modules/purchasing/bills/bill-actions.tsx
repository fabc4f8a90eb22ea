import { CheckCircleOutlined, CloseCircleOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { useBillAction } from '../queries.ts';
import { testId } from '../shared/test-id.ts';
import type { Bill } from '../types.ts';

/** approve the variance (blocked bills, with its own permission), post, cancel. */
export function BillActions({ bill }: { bill: Bill }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useBillAction(bill);
  const canApprove = useHasPermission('purchasing.bill.approve_variance');
  const canPost = useHasPermission('purchasing.bill.post');
  const canCancel = useHasPermission('purchasing.bill.create');
  const [approving, setApproving] = useState(false);
  const [reason, setReason] = useState('');
  const busy = (name: string) => action.isPending && action.variables?.action === name;
  const fail = (err: unknown) => message.error(errorMessage(t, err));
  const postable = bill.state === 'matched' || bill.state === 'variance_approved';

  return (
    <Flex gap={8} wrap>
      {bill.state === 'match_blocked' && canApprove ? (
        <Button
          icon={<CheckCircleOutlined />}
          onClick={() => setApproving(true)}
          data-testid="bill-approve-variance"
        >
          {t('purchasing.bill.approveVariance')}
        </Button>
      ) : null}
      {canPost && (postable || bill.state === 'match_blocked') ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!postable}
          loading={busy('post')}
          onClick={() =>
            action.mutate(
              { action: 'post' },
              { onSuccess: () => message.success(t('purchasing.bill.postedMessage')), onError: fail },
            )
          }
          data-testid="bill-post"
        >
          {t('purchasing.bill.post')}
        </Button>
      ) : null}
      {canCancel && !['posted', 'cancelled'].includes(bill.state) ? (
        <Popconfirm
          title={t('purchasing.bill.cancelConfirm')}
          onConfirm={() =>
            action.mutate(
              { action: 'cancel' },
              { onSuccess: () => message.success(t('purchasing.bill.cancelledMessage')), onError: fail },
            )
          }
        >
          <Button danger icon={<CloseCircleOutlined />} loading={busy('cancel')} data-testid="bill-cancel">
            {t('purchasing.bill.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
      <Modal
        open={approving}
        title={t('purchasing.bill.approveTitle')}
        okText={t('purchasing.bill.approveVariance')}
        okButtonProps={{ disabled: !reason.trim(), ...testId('bill-approve-confirm') }}
        confirmLoading={busy('approve-variance')}
        onCancel={() => setApproving(false)}
        onOk={() =>
          action.mutate(
            { action: 'approve-variance', reason: reason.trim() },
            {
              onSuccess: () => {
                setApproving(false);
                message.success(t('purchasing.bill.approvedMessage'));
              },
              onError: fail,
            },
          )
        }
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('purchasing.bill.approveReason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          data-testid="bill-approve-reason"
        />
      </Modal>
    </Flex>
  );
}
