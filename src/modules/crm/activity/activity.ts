import { unprocessable } from '../../../platform/errors.ts';

export interface ActivityTimes {
  startsAt?: string | null;
  endsAt?: string | null;
  dueAt?: string | null;
  remindAt?: string | null;
}

/** An activity cannot end before it starts; the database checks it too, but a 422 says which field. */
export function checkTimes(times: ActivityTimes): void {
  if (times.startsAt && times.endsAt && Date.parse(times.endsAt) < Date.parse(times.startsAt))
    throw unprocessable('crm.activity_ends_before_start', 'The activity ends before it starts', {
      startsAt: times.startsAt,
      endsAt: times.endsAt,
    });
}

/** The values after a patch: a key present in the patch wins, even when it clears the value. */
export function mergeTimes(current: ActivityTimes, patch: ActivityTimes): Required<ActivityTimes> {
  const pick = (k: keyof ActivityTimes) => (patch[k] !== undefined ? patch[k] : current[k]) ?? null;
  return {
    startsAt: pick('startsAt'),
    endsAt: pick('endsAt'),
    dueAt: pick('dueAt'),
    remindAt: pick('remindAt'),
  };
}

/** Two instants written differently (`Z` or an offset) may still be the same moment. */
export function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Date.parse(a) === Date.parse(b);
}
