import { Alert, App, Button, Flex, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { undoMerge, useMergeCustomers } from './queries.ts';

export interface MergeParty {
  id: string;
  name: string;
  code?: string;
}

/**
 * Merge two customers: the person picks which one stays, confirms, and gets a notice with an undo
 * link (the server allows undo while nothing new refers to the survivor).
 */
export function MergeDialog({
  current,
  other,
  onClose,
}: {
  current: MergeParty;
  other: MergeParty | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { notification, message } = App.useApp();
  const navigate = useNavigate();
  const merge = useMergeCustomers();
  const [survivorId, setSurvivorId] = useState(current.id);
  const [reason, setReason] = useState('');
  if (!other) return null;
  const survivor = survivorId === current.id ? current : other;
  const merged = survivorId === current.id ? other : current;
  const label = (party: MergeParty) => (party.code ? `${party.name} (${party.code})` : party.name);

  const confirm = () =>
    merge.mutate(
      { mergedId: merged.id, survivorId: survivor.id, reason: reason.trim() || undefined },
      {
        onSuccess: (result) => {
          onClose();
          const key = `merge-${result.id}`;
          notification.success({
            key,
            title: t('crm.merge.done', { merged: merged.name, survivor: survivor.name }),
            duration: 0,
            actions: (
              <Button
                size="small"
                onClick={() =>
                  undoMerge(result.id).then(
                    () => {
                      notification.destroy(key);
                      message.success(t('crm.merge.undone'));
                    },
                    (err) => message.error(errorMessage(t, err)),
                  )
                }
                data-testid="undo-merge"
              >
                {t('crm.merge.undo')}
              </Button>
            ),
          });
          navigate(`/crm/customers/${survivor.id}`);
        },
      },
    );

  return (
    <Modal
      open
      title={t('crm.merge.title')}
      onCancel={onClose}
      onOk={confirm}
      okText={t('crm.merge.confirm')}
      okButtonProps={{ danger: true }}
      confirmLoading={merge.isPending}
      data-testid="merge-dialog"
    >
      <Flex vertical gap={12}>
        <Typography.Text>{t('crm.merge.pickSurvivor')}</Typography.Text>
        <Radio.Group
          value={survivorId}
          onChange={(event) => setSurvivorId(event.target.value)}
          options={[current, other].map((party) => ({ value: party.id, label: label(party) }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        />
        <Alert
          type="warning"
          showIcon
          title={t('crm.merge.explain', { merged: label(merged), survivor: label(survivor) })}
        />
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={t('crm.merge.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {merge.isError ? <Alert type="error" showIcon title={errorMessage(t, merge.error)} /> : null}
      </Flex>
    </Modal>
  );
}
