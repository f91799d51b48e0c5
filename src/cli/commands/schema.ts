/**
 * `criteria schema cases <pack> [--thematic <folder>…]`: prints the JSON Schema of case records
 * for a pack (its facts, question ids and answer scales), for scoring tools to check their forms.
 */
import type { Command } from 'commander';

export function register(program: Command): void {
  const schema = program.command('schema').description('print JSON Schemas derived from a pack');
  schema
    .command('cases')
    .description('the JSON Schema of case records for a methodology pack (and thematics)')
    .argument('<pack>', 'a methodology pack folder')
    .option('--thematic <folder...>', 'include these thematic packs')
    .action(async (packPath: string, options: { thematic?: string[] }) => {
      const { loadPack } = await import('../../pipeline/load-pack.js');
      const { printDiagnostics } = await import('../print-diagnostics.js');
      const loaded = loadPack(packPath);
      if ('errors' in loaded) {
        await printDiagnostics(loaded.errors, 'text');
        process.exitCode = 1;
        return;
      }
      const thematics = [];
      for (const path of options.thematic ?? []) {
        const t = loadPack(path, { methodology: loaded.pack });
        if ('errors' in t) {
          await printDiagnostics(t.errors, 'text');
          process.exitCode = 1;
          return;
        }
        thematics.push(t.pack);
      }
      const { compilePlan } = await import('../../compile/compile-pack.js');
      const { buildCaseSchema } = await import('../../compile/build-case-schema.js');
      const { printJson } = await import('../print-text.js');
      printJson(buildCaseSchema(compilePlan(loaded.pack, thematics)));
    });
}
