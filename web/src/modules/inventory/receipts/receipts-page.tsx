import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PickingList } from '../deliveries/deliveries-page.tsx';
import { ReceiptFormDrawer } from './receipt-form-drawer.tsx';

export function ReceiptsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const canCreate = useHasPermission('inventory.receipt.validate');
  return (
    <>
      <PageHeader
        title={t('inventory.receipts.title')}
        subtitle={t('inventory.receipts.subtitle')}
        extra={
          canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-receipt"
            >
              {t('inventory.receipts.new')}
            </Button>
          ) : null
        }
      />
      <ContentCard>
        <PickingList kind="receipts" />
      </ContentCard>
      <ReceiptFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(receipt) => {
          setCreating(false);
          navigate(`/inventory/receipts/${receipt.id}`);
        }}
      />
    </>
  );
}
