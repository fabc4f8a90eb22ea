import { DeleteOutlined, EditOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Popconfirm, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import type { Address, AddressInput, AddressKind, Customer } from '../types.ts';
import { AddressFormModal } from './address-form-modal.tsx';
import { useAddressMutations } from './address-queries.ts';

const KIND_ORDER: AddressKind[] = ['billing', 'shipping', 'other'];
const KIND_COLOR: Record<AddressKind, string> = { billing: 'blue', shipping: 'cyan', other: 'default' };

/** Billing first, then shipping, then other; the default of each kind first. */
function sorted(addresses: Address[]): Address[] {
  return [...addresses].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || Number(b.isDefault) - Number(a.isDefault),
  );
}

function AddressText({ address }: { address: Address }) {
  const foreign = address.countryCode && address.countryCode !== 'CN' ? address.countryCode : null;
  const place = [foreign, address.regionCode, address.postalCode].filter(Boolean).join(' ');
  const person = [address.contactName, address.phone].filter(Boolean).join(' · ');
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text style={{ wordBreak: 'break-word' }}>
        {[address.city, address.line1, address.line2].filter(Boolean).join(' ')}
      </Typography.Text>
      {place ? <Typography.Text type="secondary">{place}</Typography.Text> : null}
      {person ? <Typography.Text type="secondary">{person}</Typography.Text> : null}
    </Flex>
  );
}

/** One address with its kind, "default" mark and — for someone who may edit the customer — the actions. */
function AddressCard({
  address,
  editable,
  onEdit,
  customerId,
}: {
  address: Address;
  editable: boolean;
  onEdit: () => void;
  customerId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { makeDefault, remove } = useAddressMutations(customerId);
  const failed = (err: unknown) => message.error(errorMessage(t, err));
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } }}
      data-testid="address-row"
      data-kind={address.kind}
      data-default={address.isDefault ? 'true' : 'false'}
    >
      <Flex gap={4} wrap>
        <Tag color={KIND_COLOR[address.kind]}>{t(`crm.addressKind.${address.kind}`)}</Tag>
        {address.isDefault ? <Tag color="green">{t('crm.addresses.default')}</Tag> : null}
      </Flex>
      <AddressText address={address} />
      {editable ? (
        <Flex gap={4} wrap style={{ marginTop: 'auto' }}>
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="address-edit">
            {t('crm.customers.edit')}
          </Button>
          {address.isDefault ? null : (
            <Button
              size="small"
              icon={<StarOutlined />}
              loading={makeDefault.isPending}
              data-testid="address-make-default"
              onClick={() =>
                makeDefault.mutate(address, {
                  onSuccess: () => message.success(t('crm.addresses.madeDefault')),
                  onError: failed,
                })
              }
            >
              {t('crm.addresses.makeDefault')}
            </Button>
          )}
          <Popconfirm
            title={t('crm.addresses.removeConfirm')}
            okText={t('crm.common.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, loading: remove.isPending }}
            onConfirm={() =>
              remove.mutateAsync(address).then(() => {
                message.success(t('crm.addresses.removed'));
              }, failed)
            }
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="address-remove">
              {t('crm.common.remove')}
            </Button>
          </Popconfirm>
        </Flex>
      ) : null}
    </Card>
  );
}

/** The customer's billing and shipping addresses: add, edit, make default, remove. */
export function AddressesSection({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const editable = useHasPermission('crm.customer.update') && !customer.mergedIntoId;
  const { save } = useAddressMutations(customer.id);
  // undefined: closed; null: a new address; an address: editing it.
  const [editing, setEditing] = useState<Address | null | undefined>(undefined);
  const addresses = sorted(customer.addresses ?? []);
  const defaultKind: AddressKind = addresses.some((a) => a.kind === 'billing') ? 'shipping' : 'billing';

  const close = () => {
    save.reset();
    setEditing(undefined);
  };
  const submit = (input: AddressInput) =>
    save.mutate(
      { address: editing ?? undefined, input },
      {
        onSuccess: () => {
          message.success(t('crm.addresses.saved'));
          close();
        },
      },
    );

  return (
    <Card
      size="small"
      title={t('crm.addresses.title')}
      data-testid="addresses"
      extra={
        editable ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="add-address"
          >
            {t('crm.customers.addAddress')}
          </Button>
        ) : null
      }
    >
      {addresses.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('crm.addresses.empty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {addresses.map((address) => (
            <Col key={address.id} xs={24} md={12} xl={8}>
              <AddressCard
                address={address}
                editable={editable}
                onEdit={() => setEditing(address)}
                customerId={customer.id}
              />
            </Col>
          ))}
        </Row>
      )}
      <AddressFormModal
        key={editing?.id ?? 'new'}
        open={editing !== undefined}
        address={editing ?? undefined}
        defaultKind={defaultKind}
        pending={save.isPending}
        error={save.error}
        onCancel={close}
        onSave={submit}
      />
    </Card>
  );
}
