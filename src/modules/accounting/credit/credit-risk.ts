import { Decimal } from 'decimal.js';

/**
 * A customer's payment behaviour over the last twelve months, company currency, as the credit profile
 * reads it from the ledger's documents (credit-profile.ts). Pure input: no I/O here.
 */
export interface PaymentBehaviour {
  /** Invoices of the window that are fully settled: their total and the total-weighted days late. */
  paidTotal: string;
  /** Σ total × max(0, settled date − due date), to divide by paidTotal. */
  paidLateDayWeight: string;
  /** Open receivables now and the part past due. */
  open: string;
  overdue: string;
  /** Invoiced in the last 90 days and in the 90 days before. */
  invoicedRecent: string;
  invoicedBefore: string;
  /** Invoiced and credited (credit notes: returns, disputes) in the twelve months. */
  invoicedYear: string;
  creditedYear: string;
  /** Invoiced in the last 180 days (the monthly average uses it). */
  invoicedHalfYear: string;
  /** The customer's usual payment term in days (average due − invoice date), 30 when unknown. */
  termDays: number;
}

export type RiskBand = 'A' | 'B' | 'C' | 'D' | 'new';

/** One sentence of the explanation: a stable code the screen translates, with its figures. */
export interface RiskReason {
  code:
    | 'no_history'
    | 'pays_on_time'
    | 'pays_late'
    | 'overdue_share'
    | 'credit_notes'
    | 'orders_growing'
    | 'orders_falling'
    | 'monthly_volume';
  params: Record<string, string | number>;
}

export interface CreditAssessment {
  band: RiskBand;
  score: number | null;
  suggestedLimit: string | null;
  averageDaysLate: number | null;
  overdueShare: number | null;
  reasons: RiskReason[];
}

const pct = (d: Decimal) => Number(d.mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString());

/** How many months of purchases a customer of each band may owe beyond its payment term. */
const BAND_MONTHS: Record<Exclude<RiskBand, 'new'>, number> = { A: 1.5, B: 1, C: 0.5, D: 0 };

/**
 * Score out of 100 and band, explained, and a suggested limit:
 *  - days late (total-weighted over settled invoices): −1 point per day, at most −40;
 *  - the overdue share of what is open now: −50 × share;
 *  - credit notes against invoices in the year (returns, disputes): −100 × share, at most −20;
 *  - orders falling by more than 30 % (last 90 days against the 90 before): −10.
 * Band A ≥ 85, B ≥ 70, C ≥ 50, else D. Suggested limit = monthly invoicing (last 180 days / 6) ×
 * (term in months + the band's months), rounded up to a whole thousand; D suggests 0 (cash before
 * delivery). A customer never invoiced in the year is 'new': no score, no suggestion.
 */
export function assessCredit(b: PaymentBehaviour): CreditAssessment {
  const invoicedYear = new Decimal(b.invoicedYear);
  if (invoicedYear.lte(0) && new Decimal(b.open).lte(0))
    return {
      band: 'new',
      score: null,
      suggestedLimit: null,
      averageDaysLate: null,
      overdueShare: null,
      reasons: [{ code: 'no_history', params: {} }],
    };
  const reasons: RiskReason[] = [];
  let score = new Decimal(100);

  const paid = new Decimal(b.paidTotal);
  const daysLate = paid.gt(0)
    ? new Decimal(b.paidLateDayWeight).div(paid).toDecimalPlaces(1, Decimal.ROUND_HALF_UP)
    : new Decimal(0);
  if (paid.gt(0)) {
    score = score.minus(Decimal.min(daysLate, 40));
    reasons.push(
      daysLate.lte(2)
        ? { code: 'pays_on_time', params: { days: daysLate.toNumber() } }
        : { code: 'pays_late', params: { days: daysLate.toNumber() } },
    );
  }

  const open = new Decimal(b.open);
  const overdueShare = open.gt(0) ? Decimal.min(new Decimal(b.overdue).div(open), 1) : new Decimal(0);
  if (overdueShare.gt(0)) {
    score = score.minus(overdueShare.mul(50));
    reasons.push({ code: 'overdue_share', params: { percent: pct(overdueShare), amount: b.overdue } });
  }

  const credited = new Decimal(b.creditedYear);
  if (credited.gt(0) && invoicedYear.gt(0)) {
    const share = credited.div(invoicedYear);
    score = score.minus(Decimal.min(share.mul(100), 20));
    reasons.push({ code: 'credit_notes', params: { percent: pct(share) } });
  }

  const recent = new Decimal(b.invoicedRecent);
  const before = new Decimal(b.invoicedBefore);
  if (before.gt(0)) {
    const change = recent.minus(before).div(before);
    if (change.lt(-0.3)) {
      score = score.minus(10);
      reasons.push({ code: 'orders_falling', params: { percent: pct(change.abs()) } });
    } else if (change.gt(0.3)) reasons.push({ code: 'orders_growing', params: { percent: pct(change) } });
  }

  const finalScore = Math.max(0, Math.round(score.toNumber()));
  const band: RiskBand = finalScore >= 85 ? 'A' : finalScore >= 70 ? 'B' : finalScore >= 50 ? 'C' : 'D';
  const monthly = new Decimal(b.invoicedHalfYear).div(6);
  reasons.push({ code: 'monthly_volume', params: { amount: monthly.toFixed(2), termDays: b.termDays } });
  const months = new Decimal(b.termDays).div(30).plus(BAND_MONTHS[band]);
  const suggested =
    band === 'D'
      ? new Decimal(0)
      : monthly.mul(months).div(1000).toDecimalPlaces(0, Decimal.ROUND_UP).mul(1000);
  return {
    band,
    score: finalScore,
    suggestedLimit: suggested.toFixed(2),
    averageDaysLate: paid.gt(0) ? daysLate.toNumber() : null,
    overdueShare: open.gt(0) ? pct(overdueShare) : null,
    reasons,
  };
}
