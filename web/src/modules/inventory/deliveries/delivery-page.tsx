import {
  ArrowLeftOutlined,
  CarOutlined,
  CheckSquareOutlined,
  CloseOutlined,
  InboxOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { http } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { lookupProduct } from '../../catalog/queries.ts';
import { QTY, sign } from '../../catalog/shared/numbers.ts';
import { printUrl, type ShipInput, useDelivery, useDeliveryStep } from '../queries.ts';
import { PickingStateTag } from '../shared/picking-state-tag.tsx';
import { scanFactor, tick } from '../shared/scan.ts';
import { ScanInput } from '../shared/scan-input.tsx';
import { useWarehouseName } from '../shared/warehouse-select.tsx';
import type { Picking } from '../types.ts';
import { lineTarget, PickingLines } from './picking-lines.tsx';

const SHIPPABLE = ['ready', 'picked', 'packed', 'waiting'];

function Backorder({ id }: { id: string }) {
  const { t } = useTranslation();
  const backorder = useQuery({
    queryKey: ['deliveries', 'one', id],
    queryFn: ({ signal }) => http.get<Picking>(`/deliveries/${encodeURIComponent(id)}`, undefined, signal),
  });
  return (
    <Alert
      type="info"
      showIcon
      data-testid="backorder"
      title={t('inventory.deliveries.backorder', { number: backorder.data?.number ?? '…' })}
      action={<Link to={`/inventory/deliveries/${id}`}>{t('inventory.deliveries.openBackorder')}</Link>}
    />
  );
}

function Header({ delivery }: { delivery: Picking }) {
  const { t } = useTranslation();
  const warehouseName = useWarehouseName();
  const shipTo = delivery.shipTo ? Object.values(delivery.shipTo).filter(Boolean).join(' ') : '';
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 12 }}>
      <Descriptions.Item label={t('inventory.picking.customer')}>
        {delivery.partyName ?? t('common.none')}
      </Descriptions.Item>
      <Descriptions.Item label={t('inventory.picking.origin')}>
        {delivery.originNumber ?? t('common.none')}
      </Descriptions.Item>
      <Descriptions.Item label={t('inventory.stock.warehouse')}>
        {warehouseName(delivery.warehouseId)}
      </Descriptions.Item>
      <Descriptions.Item label={t('inventory.picking.scheduled')}>
        {formatDate(delivery.scheduledDate) || t('common.none')}
      </Descriptions.Item>
      {delivery.doneAt ? (
        <Descriptions.Item label={t('inventory.picking.doneAt')}>
          {formatDateTime(delivery.doneAt)}
        </Descriptions.Item>
      ) : null}
      {shipTo ? <Descriptions.Item label={t('inventory.picking.shipTo')}>{shipTo}</Descriptions.Item> : null}
      {delivery.carrier || delivery.trackingNo ? (
        <Descriptions.Item label={t('inventory.picking.carrier')}>
          {`${delivery.carrier ?? ''} ${delivery.trackingNo ?? ''}`.trim()}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** The picking screen: scan codes to tick quantities, carrier and tracking number, ship (partial → backorder). */
export function DeliveryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const delivery = useDelivery(id);
  const step = useDeliveryStep(delivery.data);
  const canShip = useHasPermission('inventory.delivery.ship');
  const [ticked, setTicked] = useState<Record<string, string>>({});
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [backorderId, setBackorderId] = useState<string | null>(null);
  // Scans come faster than renders: the ticked quantities are read and written through a ref too.
  const tickedRef = useRef(ticked);
  const setTickedBoth = (next: Record<string, string>) => {
    tickedRef.current = next;
    setTicked(next);
  };

  if (delivery.isPending) return <Skeleton active />;
  if (delivery.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, delivery.error)}
        extra={
          <Button onClick={() => navigate('/inventory/deliveries')}>
            {t('inventory.deliveries.backToList')}
          </Button>
        }
      />
    );
  const data = delivery.data;
  const lines = data.lines ?? [];
  const open = SHIPPABLE.includes(data.state) && canShip;
  const fail = (err: unknown) => message.error(errorMessage(t, err));

  const onScan = async (code: string) => {
    try {
      const product = await lookupProduct(code);
      const result = tick(
        lines.map((line) => ({ id: line.id, productId: line.productId, target: lineTarget(line) })),
        tickedRef.current,
        product.id,
        scanFactor(product, product.matchedUomCode),
      );
      if (!result.lineId) message.warning(t('inventory.scan.notOnDocument', { code: product.sku }));
      else {
        setTickedBoth(result.ticked);
        if (result.over) message.warning(t('inventory.scan.over', { code: product.sku }));
      }
    } catch (err) {
      fail(err);
    }
  };

  const ship = () => {
    const chosen = lines
      .filter((line) => QTY.test(ticked[line.id] ?? '') && sign(ticked[line.id]) > 0)
      .map((line) => ({ lineId: line.id, qty: ticked[line.id] }));
    const body: ShipInput = {
      ...(chosen.length > 0 ? { lines: chosen } : {}),
      ...(carrier.trim() ? { carrier: carrier.trim() } : {}),
      ...(trackingNo.trim() ? { trackingNo: trackingNo.trim() } : {}),
    };
    step.mutate(
      { step: 'ship', body },
      {
        onSuccess: (result) => {
          setTickedBoth({});
          setBackorderId(result.backorderId ?? null);
          message.success(t('inventory.deliveries.shipped'));
        },
        onError: fail,
      },
    );
  };
  const anyTicked = lines.some((line) => sign(ticked[line.id]) > 0);
  const busy = (name: string) => step.isPending && step.variables?.step === name;

  return (
    <>
      <Link to="/inventory/deliveries" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('inventory.deliveries.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="delivery-number">
              {data.number}
            </Typography.Title>
            <PickingStateTag state={data.state} />
          </Flex>
          <Flex gap={8} wrap>
            {open && data.state === 'ready' ? (
              <Button
                icon={<CheckSquareOutlined />}
                loading={busy('pick')}
                onClick={() => step.mutate({ step: 'pick' }, { onError: fail })}
              >
                {t('inventory.deliveries.pick')}
              </Button>
            ) : null}
            {open && data.state === 'picked' ? (
              <Button
                icon={<InboxOutlined />}
                loading={busy('pack')}
                onClick={() => step.mutate({ step: 'pack' }, { onError: fail })}
              >
                {t('inventory.deliveries.pack')}
              </Button>
            ) : null}
            <Button
              icon={<PrinterOutlined />}
              href={printUrl('deliveries', data.id, currentLocale())}
              target="_blank"
              data-testid="delivery-print"
            >
              {t('inventory.deliveries.print')}
            </Button>
            {open ? (
              <Popconfirm
                title={t('inventory.deliveries.cancelConfirm')}
                onConfirm={() => step.mutate({ step: 'cancel' }, { onError: fail })}
              >
                <Button danger icon={<CloseOutlined />} loading={busy('cancel')}>
                  {t('inventory.deliveries.cancel')}
                </Button>
              </Popconfirm>
            ) : null}
            <RecordHistory entity="inventory.picking" entityId={data.id} />
          </Flex>
        </Flex>
        <Header delivery={data} />
      </Card>
      {backorderId ? <Backorder id={backorderId} /> : null}
      <Card style={{ marginTop: backorderId ? 16 : 0 }}>
        <Flex vertical gap={16}>
          {open ? <ScanInput onScan={onScan} placeholder={t('inventory.scan.placeholder')} /> : null}
          <PickingLines
            lines={lines}
            ticked={ticked}
            editable={open}
            onTick={(lineId, qty) => setTickedBoth({ ...tickedRef.current, [lineId]: qty })}
          />
          {open ? (
            <>
              <Flex gap={8} wrap>
                <Button
                  onClick={() =>
                    setTicked(Object.fromEntries(lines.map((line) => [line.id, lineTarget(line)])))
                  }
                  data-testid="tick-all"
                >
                  {t('inventory.deliveries.tickAll')}
                </Button>
                <Button onClick={() => setTickedBoth({})}>{t('inventory.deliveries.clear')}</Button>
              </Flex>
              <Row gutter={8}>
                <Col xs={24} sm={12} md={8}>
                  <Input
                    placeholder={t('inventory.picking.carrier')}
                    value={carrier}
                    maxLength={100}
                    onChange={(event) => setCarrier(event.target.value)}
                    data-testid="carrier"
                    style={{ marginBottom: 8 }}
                  />
                </Col>
                <Col xs={24} sm={12} md={8}>
                  <Input
                    placeholder={t('inventory.picking.trackingNo')}
                    value={trackingNo}
                    maxLength={100}
                    onChange={(event) => setTrackingNo(event.target.value)}
                    data-testid="tracking-no"
                    style={{ marginBottom: 8 }}
                  />
                </Col>
                <Col xs={24} md={8}>
                  <Popconfirm
                    title={
                      anyTicked
                        ? t('inventory.deliveries.shipConfirm')
                        : t('inventory.deliveries.shipAllConfirm')
                    }
                    onConfirm={ship}
                    okButtonProps={{ 'data-testid': 'ship-confirm' } as ButtonProps}
                  >
                    <Button
                      type="primary"
                      block
                      icon={<CarOutlined />}
                      loading={busy('ship')}
                      data-testid="ship"
                    >
                      {t('inventory.deliveries.ship')}
                    </Button>
                  </Popconfirm>
                </Col>
              </Row>
            </>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}
