// The committed typed client must describe the routes as they are: regenerating it from the served
// OpenAPI document gives the same file. When this fails, run `npm run client:generate` and commit.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { clientSchemaFile, generateClientSource } from '../../scripts/generate-client.ts';

test('clients/typescript/schema.ts is generated from the current /api/openapi.json', async () => {
  const committed = fs.readFileSync(clientSchemaFile, 'utf8');
  const fresh = await generateClientSource();
  assert.ok(
    committed === fresh,
    'clients/typescript/schema.ts is stale: run `npm run client:generate` and commit the result',
  );
});
