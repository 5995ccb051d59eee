/** Writes public/managed_schema.json (npx tsx scripts/managed-schema.ts). */
import { writeFileSync } from 'node:fs';
import { buildManagedSchema } from '../lib/policy/managed-schema';
writeFileSync(new URL('../public/managed_schema.json', import.meta.url), `${JSON.stringify(buildManagedSchema(), null, 2)}\n`);
