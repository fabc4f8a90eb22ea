import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerAuditedEntity } from '../audit/read.ts';
import { withTransaction } from '../db/tx.ts';
import { route } from '../http/route.ts';
import { IdParams, listOf } from '../http/schemas.ts';
import {
  AttachmentListQuery,
  AttachmentView,
  canSeeAttachment,
  downloadAttachment,
  listAttachments,
} from './attachments.ts';
import { deleteAttachment } from './delete-attachment.ts';
import { contentDisposition } from './file-name.ts';
import { MAX_ATTACHMENT_BYTES, UploadQuery, uploadAttachment } from './upload-attachment.ts';
import './user-attachable.ts';

// A deleted file's history needs platform.audit.read: its parent can no longer be checked.
registerAuditedEntity('platform.attachment', {
  readPermission: 'platform.attachment.read',
  canSee: canSeeAttachment,
});

const tags = ['attachments'];

export function attachmentRoutes(app: FastifyInstance): void {
  // The upload takes the raw file as its body whatever Content-Type the client declares: the type
  // is decided from the bytes, so this one route reads every body as a Buffer (and only this route).
  app.register(async (upload) => {
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    route(upload, {
      method: 'POST',
      url: '/api/v1/attachments',
      summary:
        'Attach a file (raw body, at most 10 MB) to a record you may change; its type is read from its bytes',
      tags,
      access: 'platform.attachment.create',
      query: UploadQuery,
      status: 201,
      bodyLimit: MAX_ATTACHMENT_BYTES,
      response: AttachmentView,
      handler: ({ db, query, req }, actor) =>
        withTransaction(db, (tx) => uploadAttachment(tx, actor, query, req.body)),
    });
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/attachments',
    summary: 'Files attached to one record you may read',
    tags,
    access: 'platform.attachment.read',
    query: AttachmentListQuery,
    response: listOf(AttachmentView),
    handler: ({ db, query }, actor) => listAttachments(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/attachments/:id/content',
    summary: 'Download a file (always as an attachment, never rendered inline)',
    tags,
    access: 'platform.attachment.read',
    params: IdParams,
    response: z.unknown().meta({ description: 'The file’s bytes, with its stored Content-Type' }),
    handler: async ({ db, params, reply }, actor) => {
      const file = await downloadAttachment(db.orm, actor, params.id);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', contentDisposition(file.fileName));
      reply.header('x-content-type-options', 'nosniff');
      // Even if a browser were talked into rendering it, the file gets no script and no origin.
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      return file.content;
    },
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/attachments/:id',
    summary: 'Delete a file from a record you may change',
    tags,
    access: 'platform.attachment.delete',
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => deleteAttachment(tx, actor, params.id));
      return undefined;
    },
  });
}
