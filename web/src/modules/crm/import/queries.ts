import { useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';

export interface TemplateColumn {
  key: string;
  label: { 'zh-CN': string; en: string };
  required: boolean;
  example?: string;
}

export interface ImportTemplate {
  entity: string;
  columns: TemplateColumn[];
}

export interface ImportBatch {
  id: string;
  entity: string;
  fileName: string;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed' | 'undone';
  totalRows: number;
  processedRows: number;
  okRows: number;
  errorRows: number;
  createdAt: string;
  version: number;
}

export interface RowError {
  rowNo: number;
  errors: { column: string | null; header: string | null; code: string; message: string }[];
}

/** The CRM entities the wizard offers, in this order. */
export const CRM_ENTITIES = ['crm.customer', 'crm.contact', 'crm.lead'] as const;

export function useTemplates() {
  return useQuery({
    queryKey: ['imports', 'templates'],
    queryFn: ({ signal }) => http.get<Page<ImportTemplate>>('/imports/templates', undefined, signal),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

export function useTemplate(entity: string | null) {
  return useQuery({
    queryKey: ['imports', 'templates', entity],
    queryFn: ({ signal }) =>
      http.get<ImportTemplate>(`/imports/templates/${encodeURIComponent(entity ?? '')}`, undefined, signal),
    enabled: entity !== null,
  });
}

export function fileContentType(file: File): string {
  return /\.xlsx$/i.test(file.name)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : 'text/csv';
}

export interface ImportRequest {
  entity: string;
  file: File;
  dryRun: boolean;
  mapping?: Record<string, string>;
}

export function useRunImport() {
  return useMutation({
    mutationFn: ({ entity, file, dryRun, mapping }: ImportRequest) =>
      http.upload<ImportBatch>('/imports', file, fileContentType(file), {
        entity,
        fileName: file.name,
        dryRun: dryRun ? 'true' : 'false',
        mapping: mapping ? JSON.stringify(mapping) : undefined,
      }),
  });
}

/** The newest batch of the entity, polled while an import runs (the upload answers only when it is done). */
export function useLatestBatch(entity: string | null, polling: boolean) {
  return useQuery({
    queryKey: ['imports', 'latest', entity],
    queryFn: ({ signal }) =>
      http.get<Page<ImportBatch>>('/imports', { entity: entity ?? undefined, limit: 1 }, signal),
    select: (page) => page.items[0],
    enabled: polling && entity !== null,
    refetchInterval: polling ? 500 : false,
  });
}

export function useBatch(id: string | null, polling: boolean) {
  return useQuery({
    queryKey: ['imports', 'batch', id],
    queryFn: ({ signal }) =>
      http.get<ImportBatch>(`/imports/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (polling && query.state.data?.status === 'running' ? 500 : false),
  });
}

export function useRowErrors(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'errors', id],
    queryFn: ({ signal }) =>
      http.get<Page<RowError>>(`/imports/${encodeURIComponent(id ?? '')}/errors`, { limit: 500 }, signal),
    enabled: id !== null,
  });
}

export function useUndoImport() {
  return useMutation({
    mutationFn: (batch: Pick<ImportBatch, 'id' | 'version'>) =>
      http.post<ImportBatch>(`/imports/${encodeURIComponent(batch.id)}/undo`, { version: batch.version }),
  });
}
