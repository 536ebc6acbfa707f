// `npm run schema`: writes the JSON Schema of the protocol file into public/, where
// the app serves it. A unit test fails when the committed file drifts from the zod schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { PROTOCOL_SCHEMA_PATH, protocolFileJsonSchema } from '../src/shared/protocol-json-schema';

const target = fileURLToPath(new URL(`../public${PROTOCOL_SCHEMA_PATH}`, import.meta.url));
const options = await resolveConfig(target);
const text = await format(JSON.stringify(protocolFileJsonSchema(), null, 2), {
  ...options,
  filepath: target,
});
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, text);
console.log(`wrote ${target}`);
