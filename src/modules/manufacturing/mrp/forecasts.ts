// Forecast consumption (pure): actual orders in a forecast's month use the forecast up, so a month's
// demand is max(forecast, orders), never forecast + orders.
import { decimal, units } from './qty.ts';

export interface MonthForecast {
  id: string;
  productId: string;
  warehouseId: string;
  /** The month's first day, YYYY-MM-01. */
  month: string;
  qty: string;
}
export interface MonthOrders {
  productId: string;
  warehouseId: string;
  month: string;
  qty: string;
}

const key = (r: { productId: string; warehouseId: string; month: string }) =>
  `${r.productId}|${r.warehouseId}|${r.month.slice(0, 7)}`;

/**
 * The forecasts net of the orders of the same product, warehouse and month: max(0, forecast − ordered).
 * Forecasts fully consumed are left out; the others keep their id and month with the net quantity.
 */
export function consumeForecasts(forecasts: MonthForecast[], orders: MonthOrders[]): MonthForecast[] {
  const ordered = new Map<string, number>();
  for (const o of orders) ordered.set(key(o), (ordered.get(key(o)) ?? 0) + units(o.qty));
  const net: MonthForecast[] = [];
  for (const f of forecasts) {
    const k = key(f);
    const left = units(f.qty) - (ordered.get(k) ?? 0);
    // Two forecasts of the same month (two rows) share the orders: the first takes what it can.
    ordered.set(k, Math.max(0, -left));
    if (left > 0) net.push({ ...f, qty: decimal(left) });
  }
  return net;
}
