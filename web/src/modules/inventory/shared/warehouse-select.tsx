import { Select, type SelectProps } from 'antd';
import { useLocalized } from '../../../i18n/localized.ts';
import { useWarehouses } from '../queries.ts';
import type { Warehouse } from '../types.ts';

export function WarehouseSelect(props: Omit<SelectProps<string>, 'options' | 'loading'>) {
  const pick = useLocalized();
  const warehouses = useWarehouses();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      loading={warehouses.isPending}
      options={(warehouses.data ?? []).map((warehouse) => ({
        value: warehouse.id,
        label: `${warehouse.code} · ${pick(warehouse.name)}`,
      }))}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}

/** The default warehouse (or the first one) once the list has arrived. */
export function useDefaultWarehouse(): Warehouse | undefined {
  const warehouses = useWarehouses();
  const list = warehouses.data ?? [];
  return list.find((warehouse) => warehouse.isDefault) ?? list[0];
}

/** A warehouse's label by id, for tables. */
export function useWarehouseName(): (warehouseId: string | null | undefined) => string {
  const pick = useLocalized();
  const warehouses = useWarehouses();
  return (warehouseId) => {
    const found = warehouses.data?.find((warehouse) => warehouse.id === warehouseId);
    return found ? pick(found.name) || found.code : '—';
  };
}
