import { Decimal } from 'decimal.js';

// Which price applies — pure rules, no I/O (price-for.ts loads the candidates).

export interface ListCandidate {
  id: string;
  code: string;
  customerId: string | null;
  customerGroup: string | null;
  priority: number;
}

export interface RuleCandidate {
  id: string;
  priceListId: string;
  productId: string | null;
  categoryId: string | null;
  minQty: string;
  price: string | null;
  discountPercent: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** 0 for a customer's own list, 1 for a customer-group list, 2 for a list for everyone. */
export function specificity(list: Pick<ListCandidate, 'customerId' | 'customerGroup'>): number {
  return list.customerId ? 0 : list.customerGroup ? 1 : 2;
}

/** Most specific first, then higher priority, then code (so the order never depends on the database). */
export function orderLists<L extends ListCandidate>(lists: L[]): L[] {
  return [...lists].sort(
    (a, b) =>
      specificity(a) - specificity(b) ||
      b.priority - a.priority ||
      a.code.localeCompare(b.code) ||
      a.id.localeCompare(b.id),
  );
}

export const within = (date: string, from: string | null, to: string | null) =>
  (from === null || from <= date) && (to === null || to >= date);

/**
 * How closely a rule targets the product: its own rule 0, a rule of its category 1, of the parent
 * category 2 …, a rule for every product last; undefined when the rule does not apply to it.
 */
export function targetRank(
  rule: RuleCandidate,
  productId: string,
  categoryPath: string[],
): number | undefined {
  if (rule.productId !== null) return rule.productId === productId ? 0 : undefined;
  if (rule.categoryId !== null) {
    const at = categoryPath.indexOf(rule.categoryId);
    return at < 0 ? undefined : 1 + at;
  }
  return Number.MAX_SAFE_INTEGER;
}

/**
 * The best rule of one list for a product, a quantity (stock units) and a date: the most specific
 * target (product over category over all products), then the highest minimum quantity reached
 * (see `better`).
 */
export function bestRule<R extends RuleCandidate>(
  rules: R[],
  product: { id: string; categoryPath: string[] },
  qtyBase: Decimal.Value,
  date: string,
): R | undefined {
  const qty = new Decimal(qtyBase);
  let best: { rule: R; rank: number } | undefined;
  for (const rule of rules) {
    const rank = targetRank(rule, product.id, product.categoryPath);
    if (rank === undefined || !within(date, rule.validFrom, rule.validTo) || new Decimal(rule.minQty).gt(qty))
      continue;
    if (!best || rank < best.rank || (rank === best.rank && better(rule, best.rule))) best = { rule, rank };
  }
  return best?.rule;
}

/**
 * Same target: the higher minimum quantity; then the rule whose validity starts later (a dated
 * promotion overrides the standing price it was laid over); then the older rule (UUIDv7), so the
 * answer never depends on the order the database returns rows in.
 */
function better(a: RuleCandidate, b: RuleCandidate): boolean {
  const byQty = new Decimal(a.minQty).cmp(b.minQty);
  if (byQty !== 0) return byQty > 0;
  const [fromA, fromB] = [a.validFrom ?? '', b.validFrom ?? ''];
  if (fromA !== fromB) return fromA > fromB;
  return a.id < b.id;
}

/** A rule's unit price: its fixed price, or the list price less its percentage, to 4 decimals (half up). */
export function rulePrice(
  rule: Pick<RuleCandidate, 'price' | 'discountPercent'>,
  listPrice: Decimal.Value,
): Decimal {
  if (rule.price !== null) return new Decimal(rule.price).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  const off = new Decimal(rule.discountPercent ?? 0).dividedBy(100);
  return new Decimal(listPrice).times(new Decimal(1).minus(off)).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}
