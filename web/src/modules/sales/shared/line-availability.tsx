import { LineChartOutlined, WarningOutlined } from '@ant-design/icons';
import { Modal, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatQty } from '../../catalog/shared/numbers.ts';
import { useAvailability } from '../../inventory/queries.ts';
import { AvailabilityChart } from '../../inventory/shared/availability-chart.tsx';
import { shortfall } from './amounts.ts';

/**
 * "Available now" for a line's product in the document's warehouse, a warning when the line needs
 * more; a click opens the projection chart. `reserved` (an order's own reservation) counts as covered.
 */
export function LineAvailability({
  productId,
  warehouseId,
  qtyBase,
  reserved = '0',
  uomCode,
  title,
}: {
  productId: string | null;
  warehouseId: string | null;
  qtyBase: string | null;
  reserved?: string;
  uomCode?: string;
  title?: string;
}) {
  const { t } = useTranslation();
  const canSee = useHasPermission('inventory.stock.read');
  const [open, setOpen] = useState(false);
  const availability = useAvailability(canSee ? productId : null, warehouseId, 14);
  if (!canSee || !productId || !warehouseId) return null;
  if (availability.isPending) return <Tag>…</Tag>;
  if (availability.isError) return null;
  const available = availability.data.available;
  const needed = qtyBase ? shortfall(qtyBase, reserved) : '0';
  const short = needed === '0' ? '0' : shortfall(needed, available);
  const unit = uomCode ? ` ${uomCode}` : '';
  const tag =
    short !== '0' ? (
      <Tooltip title={t('sales.availability.shortHint', { qty: formatQty(short), unit })}>
        <Tag
          color="warning"
          icon={<WarningOutlined />}
          style={{ cursor: 'pointer', marginInlineEnd: 0 }}
          data-testid="availability-short"
        >
          {t('sales.availability.short', { qty: formatQty(short) })}
        </Tag>
      </Tooltip>
    ) : (
      <Tag
        color="success"
        icon={<LineChartOutlined />}
        style={{ cursor: 'pointer', marginInlineEnd: 0 }}
        data-testid="availability-ok"
      >
        {t('sales.availability.available', { qty: formatQty(available) })}
      </Tag>
    );
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        style={{ all: 'unset', cursor: 'pointer' }}
        data-testid="line-availability"
      >
        {tag}
      </button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        title={title ?? t('sales.availability.title')}
        width={760}
        destroyOnHidden
      >
        <AvailabilityChart productId={productId} warehouseId={warehouseId} uomCode={uomCode} />
      </Modal>
    </>
  );
}
