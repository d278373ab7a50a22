/**
 * Writes the served schema to api/schema.graphql (committed, so a change to the
 * contract surface shows in review). `npm run schema`.
 */
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { ecomapSchema } from './schema.ts';

export const SCHEMA_FILE = new URL('../schema.graphql', import.meta.url);

export async function printServedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await ecomapSchema()))}\n`;
}

if (process.argv[1]?.endsWith('emit-schema.ts')) {
  writeFileSync(SCHEMA_FILE, await printServedSchema());
  console.log(`wrote ${SCHEMA_FILE.pathname}`);
}
