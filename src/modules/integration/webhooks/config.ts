// Delivery tuning. Defaults suit production; tests shrink the schedule with `configureWebhooks`.
export interface WebhookTuning {
  /** Delay before each retry, in ms; after the last one the delivery is dead. */
  retrySchedule: number[];
  /** Random extra delay, as a fraction of each step (0.2: up to +20 %). */
  jitter: number;
  /** Consecutive failed attempts after which a subscription is disabled. */
  failureThreshold: number;
  /** …or failing without a success for this long (hours). */
  failureMaxHours: number;
  timeoutMs: number;
  leaseSeconds: number;
}

const MIN = 60_000;
const defaults: WebhookTuning = {
  retrySchedule: [
    5_000,
    30_000,
    2 * MIN,
    10 * MIN,
    30 * MIN,
    60 * MIN,
    3 * 60 * MIN,
    6 * 60 * MIN,
    12 * 60 * MIN,
  ],
  jitter: 0.2,
  failureThreshold: Number(process.env.TANDEM_WEBHOOK_FAILURE_THRESHOLD ?? 20),
  failureMaxHours: Number(process.env.TANDEM_WEBHOOK_FAILURE_HOURS ?? 72),
  timeoutMs: 10_000,
  leaseSeconds: 60,
};

export const tuning: WebhookTuning = { ...defaults };

/** Changes the tuning (tests); `configureWebhooks()` restores the defaults. */
export function configureWebhooks(patch?: Partial<WebhookTuning>): void {
  Object.assign(tuning, defaults, patch ?? {});
}

/** The delay before retry number `attempts` (1-based: after the first failure), or null when exhausted. */
export function retryDelay(attempts: number): number | null {
  const step = tuning.retrySchedule[attempts - 1];
  if (step === undefined) return null;
  return Math.round(step * (1 + Math.random() * tuning.jitter));
}
