/**
 * Writes the Derbyshire example inspection as a request body for `criteria serve`
 * (rules/esi-2003/examples/derbyshire-2003/request.json), for the curl examples of the README and
 * docs/api.md. A test checks that the file is what this script writes.
 */
import { writeFileSync } from 'node:fs';
import { inspectionAsRequest } from '../src/serve/inspection-request.js';

export const EXAMPLE_FOLDER = 'rules/esi-2003/examples/derbyshire-2003';

export async function serviceExample(): Promise<string> {
  const made = await inspectionAsRequest(`${EXAMPLE_FOLDER}/inspection.yaml`);
  if ('errors' in made) throw new Error(made.errors.map((e) => e.message).join('\n'));
  return JSON.stringify(made.request) + '\n';
}

if (process.argv[1]?.endsWith('write-service-example.ts')) {
  writeFileSync(`${EXAMPLE_FOLDER}/request.json`, await serviceExample());
  process.stdout.write(`wrote ${EXAMPLE_FOLDER}/request.json\n`);
}
