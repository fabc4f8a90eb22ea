import { conflict } from '../../../platform/errors.ts';
import type { EntryRow } from './entry.repo.ts';

/** Only a draft is edited, reviewed, posted or deleted; a posted entry is corrected by a reversal (409). */
export function assertDraft(entry: EntryRow): void {
  if (entry.state !== 'draft')
    throw conflict('accounting.entry_posted', 'The entry is posted and cannot change; reverse it instead', {
      entryId: entry.id,
      state: entry.state,
    });
}
