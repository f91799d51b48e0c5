/**
 * `POST /v1/validate`: pack files sent in the body, checked as `criteria validate` checks a pack
 * folder, without touching the disk. A thematic is checked with the workspace's methodology.
 */
import type { FastifyInstance } from 'fastify';
import type { Diagnostic } from '../../model/errors.js';
import type { Pack } from '../../model/pack.js';
import type { ValidateRequest, ValidateResponse } from '../../model/service.js';
import { memoryFiles } from '../../load/file-source.js';
import { loadPack, loadPackFiles } from '../../pipeline/load-pack.js';
import { diagnosticsProblem } from '../problems.js';
import { publicDiagnostic } from '../public-diagnostic.js';
import { readJsonBody } from '../read-request.js';
import type { ServiceContext } from '../service-context.js';

/** The folder the request's files are placed in; nothing is read from or written to it on disk. */
const ROOT = '/pack';
/** A relative path of plain names: no `..`, no hidden or absolute parts. */
const SAFE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const MAX_FILES = 200;

export function registerValidate(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/v1/validate', async (request): Promise<ValidateResponse> => {
    const doc = readJsonBody(request.body, 'validate-request');
    const { files } = doc.value as ValidateRequest;
    const names = Object.keys(files);
    const bad = names.filter((name) => !SAFE_PATH.test(name) || name.length > 256);
    const problems: Diagnostic[] = bad.map((name) => ({
      code: 'SCHEMA_PATTERN',
      severity: 'error',
      message: `'${name.slice(0, 80)}' is not a relative path of plain names`,
      hint: 'name files relative to the pack folder, e.g. pack.yaml or sections/s1.yaml (no .., no leading / or .)',
      file: 'request.json',
      ...doc.locate(`/files/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, true),
      pointer: '/files',
    }));
    if (names.length > MAX_FILES)
      problems.push({
        code: 'SCHEMA_RANGE',
        severity: 'error',
        message: `the request has ${names.length} files, more than ${MAX_FILES}`,
        hint: 'send one pack at a time',
      });
    if (problems.length > 0) throw diagnosticsProblem(problems, 422);
    const source = memoryFiles(new Map(names.map((name) => [`${ROOT}/${name}`, files[name]!])), { overDisk: false });
    const loaded = loadPack(ROOT, { source, ...methodologyFor(ROOT, source, ctx) });
    const pub = (list: Diagnostic[]) => list.map((d) => publicDiagnostic(d, ROOT));
    if ('errors' in loaded) {
      const header = loadPackFiles(ROOT, { source });
      return { valid: false, ...('pack' in header ? { pack: summaryOf(header.pack) } : {}), errors: pub(loaded.errors), warnings: [] };
    }
    return { valid: true, pack: summaryOf(loaded.pack), errors: [], warnings: pub(loaded.warnings) };
  });
}

/** For a thematic: the workspace's methodology it attaches to, to check it with. */
function methodologyFor(root: string, source: ReturnType<typeof memoryFiles>, ctx: ServiceContext): { methodology?: Pack } {
  const files = loadPackFiles(root, { source });
  if ('errors' in files || files.pack.kind !== 'thematic' || !files.pack.attachesTo) return {};
  const found = ctx.workspace.find(files.pack.attachesTo.methodology, files.pack.attachesTo.versions);
  return 'pack' in found && found.pack.pack ? { methodology: found.pack.pack } : {};
}

function summaryOf(pack: Pack): { id: string; version: string; kind: Pack['kind'] } {
  return { id: pack.id, version: pack.version, kind: pack.kind };
}
