/** npm run bench:service: the scoring service's section of the benchmark alone. */
import { ensureBuilt } from './measure-cold-start.js';
import { formatService, measureService } from './measure-service.js';

ensureBuilt();
const result = await measureService((message) => process.stderr.write(`[bench] ${message}\n`));
process.stdout.write(`${formatService(result).join('\n')}\n`);
process.exit(0);
