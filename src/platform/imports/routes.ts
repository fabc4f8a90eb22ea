import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerAuditedEntity } from '../audit/read.ts';
import { withTransaction } from '../db/tx.ts';
import { badRequest, notFound } from '../errors.ts';
import { attachment, exportRows, FileDownload, prime } from '../exports/export-rows.ts';
import { route } from '../http/route.ts';
import { IdParams, listOf } from '../http/schemas.ts';
import { type Actor, can } from '../permissions/actor.ts';
import {
  BatchListQuery,
  BatchView,
  getBatch,
  listBatches,
  listRowErrors,
  RowErrorQuery,
  RowErrorView,
  rowErrorLines,
} from './batches.ts';
import { bufferSource } from './read-file.ts';
import { allImporters, findImporter, type Importer } from './registry.ts';
import { resumeImport } from './resume-import.ts';
import { runImport } from './run-import.ts';
import { UndoImportInput, undoImport } from './undo-import.ts';
import './user-importer.ts';

registerAuditedEntity('platform.import_batch', { readPermission: 'platform.import.read' });

const tags = ['imports'];
const Entity = z.string().regex(/^[a-z_]+\.[a-z_]+$/);

const Mapping = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().max(200), z.string().max(100)));

const ImportQuery = z.object({
  entity: Entity,
  fileName: z.string().max(255).optional(),
  dryRun: z.enum(['true', 'false']).default('false'),
  /** JSON object: file header → column key ("" ignores that file column). */
  mapping: Mapping.optional(),
});

const TemplateView = z
  .object({
    entity: z.string(),
    /** The columns that match a row to an existing record, which the row then updates (upsert). */
    keyColumns: z.array(z.string()),
    columns: z.array(
      z.object({
        key: z.string(),
        label: z.object({ 'zh-CN': z.string(), en: z.string() }),
        required: z.boolean(),
        example: z.string(),
      }),
    ),
  })
  .meta({ id: 'ImportTemplate' });

function template(importer: Importer): z.infer<typeof TemplateView> {
  return { entity: importer.entity, keyColumns: importer.keyColumns ?? [], columns: importer.columns };
}

function importerOr404(entity: string): Importer {
  const importer = findImporter(entity);
  if (!importer) throw notFound('import template', entity);
  return importer;
}

const label = (actor: Actor, text: { 'zh-CN': string; en: string }) =>
  actor.locale === 'zh-CN' ? text['zh-CN'] : text.en;

/** The uploaded name is only shown back to people: no path, no control characters. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/\p{Cc}/gu, '')
    .trim();
  return base.slice(0, 200) || 'upload';
}

export function importRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/imports',
    summary:
      'Import a file (body: CSV as text/csv, or an .xlsx workbook); answers with the finished batch and its counts',
    tags,
    access: 'platform.import.run',
    query: ImportQuery,
    bodyLimit: 50 * 1024 * 1024,
    status: 201,
    response: BatchView,
    handler: async ({ db, req, query, config }, actor) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0)
        throw badRequest(
          'import.file_required',
          'Send the file as the request body: text/csv, application/octet-stream or the .xlsx type',
        );
      return runImport(
        db,
        actor,
        {
          entity: query.entity,
          fileName: cleanFileName(query.fileName),
          dryRun: query.dryRun === 'true',
          mapping: query.mapping,
          source: bufferSource(req.body),
        },
        { fileDir: config.importsDir },
      );
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/imports/:id/resume',
    summary:
      'Go on with an import a crash interrupted (status running, no longer worked on), from the row after the last committed chunk',
    tags,
    access: 'platform.import.run',
    params: IdParams,
    response: BatchView,
    handler: ({ db, params, config }, actor) =>
      resumeImport(db, actor, params.id, { fileDir: config.importsDir }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/imports',
    summary: 'Import batches, newest first (those you started, and of entities you may import)',
    tags,
    access: 'platform.import.read',
    query: BatchListQuery,
    response: listOf(BatchView),
    handler: ({ db, query }, actor) => listBatches(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/imports/templates',
    summary: 'What you can import, with the columns of each',
    tags,
    access: 'platform.import.run',
    response: listOf(TemplateView),
    handler: async (_ctx, actor) => ({
      items: allImporters()
        .filter((i) => can(actor, i.permission))
        .map(template),
      nextCursor: null,
    }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/imports/templates/:entity',
    summary: 'The columns of one importable entity (for the mapping screen)',
    tags,
    access: 'platform.import.run',
    params: z.object({ entity: Entity }),
    response: TemplateView,
    handler: async ({ params }) => template(importerOr404(params.entity)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/imports/templates/:entity.csv',
    summary: 'An example CSV to fill in (headers in your language, one example row)',
    tags,
    access: 'platform.import.run',
    params: z.object({ entity: Entity }),
    response: FileDownload,
    handler: async ({ params, reply }, actor) => {
      const importer = importerOr404(params.entity);
      attachment(reply, `${importer.entity}-template`, 'csv');
      const columns = importer.columns.map((c) => ({ key: c.key, header: label(actor, c.label) }));
      return exportRows('csv', columns, [
        Object.fromEntries(importer.columns.map((c) => [c.key, c.example])),
      ]);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/imports/:id',
    summary: 'One import batch with its progress (poll it while an import runs)',
    tags,
    access: 'platform.import.read',
    params: IdParams,
    response: BatchView,
    handler: ({ db, params }, actor) => getBatch(db.orm, actor, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/imports/:id/errors',
    summary: 'The rows of a batch that were refused, with why',
    tags,
    access: 'platform.import.read',
    params: IdParams,
    query: RowErrorQuery,
    response: listOf(RowErrorView),
    handler: ({ db, params, query }, actor) => listRowErrors(db.orm, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/imports/:id/errors.csv',
    summary: 'The refused rows as a CSV: row number in the file, column, message',
    tags,
    access: 'platform.import.read',
    params: IdParams,
    response: FileDownload,
    handler: async ({ db, params, reply }, actor) => {
      const batch = await getBatch(db.orm, actor, params.id);
      const zh = actor.locale === 'zh-CN';
      const lines = await prime(rowErrorLines(db.orm, actor, batch));
      attachment(reply, `import-${batch.id}-errors`, 'csv');
      return exportRows(
        'csv',
        [
          { key: 'rowNo', header: zh ? '行号' : 'Row', type: 'number' },
          { key: 'column', header: zh ? '列' : 'Column' },
          { key: 'message', header: zh ? '错误' : 'Error' },
          { key: 'code', header: zh ? '错误代码' : 'Code' },
        ],
        lines,
      );
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/imports/:id/undo',
    summary: 'Undo a finished import: every record it created is reversed (send the version you read)',
    tags,
    access: 'platform.import.undo',
    params: IdParams,
    body: UndoImportInput,
    response: BatchView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => undoImport(tx, actor, params.id, body)),
  });
}
