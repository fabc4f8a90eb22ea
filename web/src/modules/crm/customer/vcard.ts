// vCard files of a customer's contacts: the download (GET /contacts/export.vcf) and the upload
// (POST /contacts/import.vcf), with the imported people attached to the customer they were imported into.
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { ApiError, buildUrl, http, isApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { queryClient } from '../../../app/query-client.ts';
import type { VcardImportResult } from '../types.ts';
import { customerKey } from './queries.ts';

export const DUPLICATE = 'crm.duplicate_suspected';

/** Downloads the customer's contacts as a .vcf file; rejects with an ApiError the page can show. */
export async function downloadVcards(customerId: string, fileName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(buildUrl('/contacts/export.vcf', { customerId }), { credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : 'Network error');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(res.status, body?.error?.code ?? `http.${res.status}`, body?.error?.message ?? '');
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once click() returns; free the memory a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface VcardImportSummary {
  result: VcardImportResult;
  /** Cards whose ORG named no single customer, moved onto this customer. */
  attached: number;
  /** …of which these could not be moved (they stay standalone contacts). */
  notAttached: number;
  /** Cards whose ORG named another customer: they went there. */
  elsewhere: number;
}

export function useVcardImport(customerId: string, mayAttach: boolean) {
  return useMutation({
    mutationFn: async (file: File): Promise<VcardImportSummary> => {
      // From a customer's page the server files every card under that customer (ORG is ignored); a
      // user who may not attach contacts to it imports by ORG as elsewhere.
      const result = await http.upload<VcardImportResult>(
        '/contacts/import.vcf',
        file,
        'text/vcard',
        mayAttach ? { customerId } : undefined,
      );
      const standalone = result.created.filter((c) => !c.customerId).length;
      return {
        result,
        attached: result.created.filter((c) => c.customerId === customerId).length,
        notAttached: standalone,
        elsewhere: result.created.filter((c) => c.customerId && c.customerId !== customerId).length,
      };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKey(customerId) }),
  });
}

// The vCard codes are the CRM screens' own; the app-wide ones (validation, forbidden …) come from errors.*.
const VCARD_CODES = new Set(['crm.vcard_required', 'crm.vcard_empty', 'crm.vcard_too_many']);

/** A failed upload or download, translated. */
export function vcardErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err) && VCARD_CODES.has(err.code))
    return t(`crm.vcard.errors.${err.code.slice('crm.'.length)}`, { ...err.details });
  return errorMessage(t, err);
}

/** Why one card was refused: our words for the code, the server's text as fallback (shown beside for "invalid"). */
export function skippedReason(t: TFunction, skipped: VcardImportResult['skipped'][number]): string {
  if (skipped.code === 'invalid') return t('crm.vcard.reasons.invalid');
  if (skipped.code === DUPLICATE) {
    const names = (skipped.details?.candidates ?? []).map((c) => c.name).join('、');
    return names ? t('crm.vcard.reasons.duplicateOf', { names }) : t('errors.crm.duplicate_suspected');
  }
  return errorMessage(t, new ApiError(400, skipped.code, skipped.message));
}
