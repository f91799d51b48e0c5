/**
 * A scoring worker: builds the plan from the same packs as the main thread, counts the cases of
 * each batch it is sent, and reports each batch's problems and, at the end, its counts.
 */
import { caseColumnsOf } from '../compile/compiled-plan.js';
import { parentPort, workerData } from 'node:worker_threads';
import { compilePlan } from '../compile/compile-pack.js';
import { CaseTally } from '../evaluate/tally-cases.js';
import { loadPack } from '../pipeline/load-pack.js';
import type { Pack } from '../model/pack.js';
import type { FromWorker, RangeMessage, ToWorker, WorkerSetup } from './worker-protocol.js';
import { readCsvCases, readNdjsonCases } from '../load/read-cases.js';
import { caseIdOf } from './case-id.js';

function load(path: string, methodology?: Pack): Pack {
  const loaded = loadPack(path, methodology ? { methodology } : {});
  if ('errors' in loaded) throw new Error(`${path} does not load in the worker: ${loaded.errors[0]?.message}`);
  return loaded.pack;
}

function run(setup: WorkerSetup): void {
  const port = parentPort!;
  const send = (message: FromWorker) => port.postMessage(message);
  try {
    const methodology = load(setup.methodology);
    const plan = compilePlan(
      methodology,
      setup.thematics.map((t) => load(t, methodology)),
    );
    // The main thread checks ids across the whole file. A range with any problem sends the file
    // back to one thread, which reports it: here problems are only counted, not kept.
    const tally = new CaseTally(plan, setup.area, { checkDuplicates: false, maxDiagnostics: 0 });
    const columns = caseColumnsOf(plan);
    /** Reads a range of the case file, counting its cases; its ids go back for the duplicate check across ranges. */
    const countRange = async (message: RangeMessage) => {
      const problemsBefore = tally.invalid + tally.inputProblems;
      const ids: string[] = [];
      const read =
        message.format === 'csv' ? readCsvCases(message.file, columns, undefined, message.range) : readNdjsonCases(message.file, undefined, message.range);
      for await (const input of read) {
        if ('record' in input) {
          const id = caseIdOf(input.record);
          if (id !== undefined) ids.push(id);
          tally.add(input.record);
        } else tally.rejectProblem(input.problem, input.notACase === true);
      }
      send({ type: 'rangeDone', index: message.index, ids, problems: tally.invalid + tally.inputProblems - problemsBefore });
    };
    // One message at a time: a range is read asynchronously, and the end waits for it.
    let queue = Promise.resolve();
    port.on('message', (message: ToWorker) => {
      queue = queue.then(async () => {
        try {
          if (message.type === 'end') {
            const { relevant, met, notApplicable, read, scored, relevantToNone, invalid, inputProblems, diagnosticCount } = tally;
            send({ type: 'done', counts: { relevant, met, notApplicable, read, scored, relevantToNone, invalid, inputProblems, diagnosticCount } });
          } else await countRange(message);
        } catch (error) {
          send({ type: 'failed', message: (error as Error).message });
        }
      });
    });
  } catch (error) {
    send({ type: 'failed', message: (error as Error).message });
  }
}

run(workerData as WorkerSetup);
