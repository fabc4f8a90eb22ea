import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../../platform/db/tx.ts';
import { route } from '../../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../../platform/http/schemas.ts';
import { requirePermission } from '../../../../platform/permissions/actor.ts';
import { KeyParams, PublicSubmission, WebFormInput, WebFormPatch, WebFormView } from './contract.ts';
import { createWebForm } from './create-web-form.ts';
import { deleteWebForm } from './delete-web-form.ts';
import { formPageRoute } from './form-page.ts';
import { rotateWebFormKey } from './rotate-web-form-key.ts';
import { submitWebForm } from './submit-web-form.ts';
import { updateWebForm } from './update-web-form.ts';
import { findWebForm, listWebForms } from './web-form.repo.ts';

const tags = ['crm'];

export function webFormRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/web-forms',
    summary: 'The public lead forms with their keys',
    tags,
    access: 'crm.form.manage',
    response: listOf(WebFormView),
    handler: async ({ db }, actor) => {
      requirePermission(actor, 'crm.form.manage');
      return { items: await listWebForms(db.orm, actor.companyId), nextCursor: null };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/web-forms/:id',
    summary: 'One public lead form',
    tags,
    access: 'crm.form.manage',
    params: IdParams,
    response: WebFormView,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'crm.form.manage');
      return findWebForm(db.orm, actor.companyId, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/web-forms',
    summary: 'Create a public lead form (the server makes its key)',
    tags,
    access: 'crm.form.manage',
    body: WebFormInput,
    status: 201,
    response: WebFormView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createWebForm(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/web-forms/:id',
    summary: 'Edit a form or switch it off (send the version you read)',
    tags,
    access: 'crm.form.manage',
    params: IdParams,
    body: WebFormPatch,
    response: WebFormView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateWebForm(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/web-forms/:id/rotate-key',
    summary: 'Give the form a new key; the old one stops working at once',
    tags,
    access: 'crm.form.manage',
    params: IdParams,
    response: WebFormView,
    handler: ({ db, params }, actor) => withTransaction(db, (tx) => rotateWebFormKey(tx, actor, params.id)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/web-forms/:id',
    summary: 'Remove a form (its leads stay)',
    tags,
    access: 'crm.form.manage',
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => deleteWebForm(tx, actor, params.id));
      return undefined;
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/public/forms/:key',
    summary: 'A visitor leaves a lead through a public form (no sign-in; the key is the credential)',
    tags,
    access: 'public',
    params: KeyParams,
    body: PublicSubmission,
    status: 202,
    response: z.object({ status: z.literal('received') }),
    bodyLimit: 16 * 1024,
    handler: async ({ req, db, params, body }) => {
      await submitWebForm(db, params.key, req.ip, body);
      return { status: 'received' as const };
    },
  });
  formPageRoute(app);
}
