import {
  AuditOutlined,
  CheckOutlined,
  DeleteOutlined,
  EditOutlined,
  PrinterOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Input, Modal, Popconfirm } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission, useSession } from '../../../app/auth/session.tsx';
import { useEntryAction } from '../ledger-queries.ts';
import type { Entry } from '../types.ts';

/** Edit / delete (draft), review (审核, someone other than the preparer), post (记账), reverse (红冲), print. */
export function EntryActions({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const action = useEntryAction(entry);
  const canCreate = useHasPermission('accounting.entry.create');
  const canReview = useHasPermission('accounting.entry.review');
  const canPost = useHasPermission('accounting.entry.post');
  const [reversing, setReversing] = useState(false);
  const [reverseDate, setReverseDate] = useState<Dayjs | null>(null);
  const [reverseMemo, setReverseMemo] = useState('');
  const busy = (name: string) => action.isPending && action.variables?.action === name;
  const fail = (err: unknown) => message.error(errorMessage(t, err));
  const draft = entry.state === 'draft';
  const balanced = entry.totalDebit === entry.totalCredit && entry.lines.length >= 2;

  return (
    <Flex gap={8} wrap>
      {draft && canReview && !entry.reviewerId && entry.preparerId !== session.user.id ? (
        <Button
          icon={<AuditOutlined />}
          loading={busy('review')}
          disabled={!balanced}
          onClick={() =>
            action.mutate(
              { action: 'review' },
              { onSuccess: () => message.success(t('accounting.entry.reviewed')), onError: fail },
            )
          }
          data-testid="entry-review"
        >
          {t('accounting.entry.review')}
        </Button>
      ) : null}
      {draft && canPost ? (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy('post')}
          disabled={!balanced}
          title={balanced ? undefined : t('accounting.entry.postDisabled')}
          onClick={() =>
            action.mutate(
              { action: 'post' },
              {
                onSuccess: (result) =>
                  message.success(t('accounting.entry.posted', { voucher: result.voucher })),
                onError: fail,
              },
            )
          }
          data-testid="entry-post"
        >
          {t('accounting.entry.post')}
        </Button>
      ) : null}
      {draft && canCreate ? (
        <>
          <Button icon={<EditOutlined />} onClick={() => navigate(`/accounting/entries/${entry.id}/edit`)}>
            {t('accounting.entry.edit')}
          </Button>
          <Popconfirm
            title={t('accounting.entry.deleteConfirm')}
            onConfirm={() =>
              action.mutate(
                { action: 'delete' },
                {
                  onSuccess: () => {
                    message.success(t('accounting.entry.deleted'));
                    navigate('/accounting/entries');
                  },
                  onError: fail,
                },
              )
            }
          >
            <Button danger icon={<DeleteOutlined />} loading={busy('delete')}>
              {t('accounting.entry.delete')}
            </Button>
          </Popconfirm>
        </>
      ) : null}
      {entry.state === 'posted' && !entry.reversedBy && !entry.reversalOf && canPost ? (
        <Button icon={<RollbackOutlined />} onClick={() => setReversing(true)} data-testid="entry-reverse">
          {t('accounting.entry.reverse')}
        </Button>
      ) : null}
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="entry-print">
        {t('accounting.print')}
      </Button>
      <Modal
        open={reversing}
        title={t('accounting.entry.reverseTitle', { voucher: entry.voucher })}
        okText={t('accounting.entry.reverse')}
        okButtonProps={{ danger: true }}
        confirmLoading={busy('reverse')}
        onCancel={() => setReversing(false)}
        onOk={() =>
          action.mutate(
            {
              action: 'reverse',
              body: {
                ...(reverseDate ? { date: reverseDate.format('YYYY-MM-DD') } : {}),
                ...(reverseMemo.trim() ? { memo: reverseMemo.trim() } : {}),
              },
            },
            {
              onSuccess: (result) => {
                setReversing(false);
                message.success(t('accounting.entry.reversed'));
                if (result.id) navigate(`/accounting/entries/${result.id}`);
              },
              onError: fail,
            },
          )
        }
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <span>{t('accounting.entry.reverseHint')}</span>
          <DatePicker
            value={reverseDate}
            onChange={setReverseDate}
            placeholder={t('accounting.entry.reverseDate')}
            minDate={dayjs(entry.date)}
            style={{ width: '100%' }}
          />
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('accounting.entry.reverseMemo')}
            value={reverseMemo}
            onChange={(event) => setReverseMemo(event.target.value)}
          />
        </Flex>
      </Modal>
    </Flex>
  );
}
