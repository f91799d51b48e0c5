/**
 * The scoring service under load: the built `criteria serve` in a child process, rounds of 200
 * concurrent POST /v1/score requests of the Derbyshire inspection on 127.0.0.1, against two
 * references in the same run: a bare `node:http` server that reads the same body and answers a
 * fixed JSON (the floor for HTTP on this machine), and the library scoring the same body in
 * process (parse, open, score, format), one request after another. Every answer is checked to
 * be the in-process result, byte for byte, before a figure is printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readJsonBody } from '../src/serve/read-request.js';
import { openRequest } from '../src/serve/open-request.js';
import { Workspace } from '../src/serve/workspace.js';
import { scoreOpenedInspection } from '../src/pipeline/score-file.js';
import { formatJson } from '../src/report/format-json.js';
import { derbyshireRequest } from '../test/serve/service-client.js';
import { ROOT } from './setup.js';
import { median } from './timing.js';
import { Disagreement } from './compare-results.js';

export interface LoadFigures {
  requests: number;
  concurrency: number;
  wallMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface ServiceResult {
  bodyBytes: number;
  cases: number;
  service: LoadFigures;
  bareHttp: LoadFigures;
  /** The library in process, one request after another: parse the body, open, score, format. */
  inProcess: { requests: number; medianMs: number; requestsPerSecond: number };
}

const CONCURRENCY = 200;
const ROUNDS = 5;

/** A child that prints its URL on its first line of standard output. */
function startChild(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL from ${args.join(' ')}: ${out}`)), 30_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

/** A bare HTTP server: reads the whole body, answers the given JSON. */
const BARE_SERVER = `
const http = require('node:http');
const answer = Buffer.from(process.argv[1]);
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => { Buffer.concat(chunks); res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length }); res.end(answer); });
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));
`;

/** Rounds of `CONCURRENCY` requests at once; every answer is handed to `check`. */
async function load(url: string, body: string, check: (status: number, text: string) => void): Promise<LoadFigures> {
  const fire = async () => {
    const started = performance.now();
    const response = await fetch(`${url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    check(response.status, await response.text());
    return performance.now() - started;
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, fire));
  const latencies: number[] = [];
  const began = performance.now();
  for (let round = 0; round < ROUNDS; round++) latencies.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, fire))));
  const wallMs = performance.now() - began;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    concurrency: CONCURRENCY,
    wallMs,
    requestsPerSecond: (latencies.length * 1000) / wallMs,
    p50Ms: sorted[Math.floor(sorted.length * 0.5)]!,
    p95Ms: sorted[Math.floor(sorted.length * 0.95)]!,
    maxMs: sorted.at(-1)!,
  };
}

export async function measureService(log: (message: string) => void): Promise<ServiceResult> {
  const { request } = await derbyshireRequest();
  const body = JSON.stringify(request);
  const workspace = new Workspace(ROOT);
  const scoreInProcess = async () => {
    const opened = openRequest(readJsonBody(body, 'score-request'), workspace);
    const scored = await scoreOpenedInspection(opened.opened, {}, opened.plan);
    if ('errors' in scored) throw new Error(`the bench's inspection does not score: ${scored.errors[0]!.message}`);
    return formatJson(scored.result);
  };
  const expected = await scoreInProcess();
  log('service: the library in process, one request after another');
  for (let i = 0; i < 50; i++) await scoreInProcess();
  const times: number[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const started = performance.now();
    await scoreInProcess();
    times.push(performance.now() - started);
  }
  const inProcess = { requests: times.length, medianMs: median(times), requestsPerSecond: (times.length * 1000) / times.reduce((a, b) => a + b, 0) };

  const checkService = (status: number, text: string) => {
    if (status !== 200 || text !== expected)
      throw new Disagreement(`criteria serve answered ${status} with a result that is not the library's:\n${text.slice(0, 500)}`);
  };
  log(`service: criteria serve, ${ROUNDS} rounds of ${CONCURRENCY} concurrent requests`);
  const served = await startChild([join(ROOT, 'dist/cli/main.js'), 'serve', '--port', '0']);
  let service: LoadFigures;
  try {
    service = await load(served.url, body, checkService);
  } finally {
    served.child.kill('SIGTERM');
  }
  log('service: a bare node:http server, the same load');
  const bare = await startChild(['-e', BARE_SERVER, expected]);
  let bareHttp: LoadFigures;
  try {
    bareHttp = await load(bare.url, body, (status, text) => {
      if (status !== 200 || text !== expected) throw new Disagreement('the bare server answered wrongly');
    });
  } finally {
    bare.child.kill('SIGTERM');
  }
  return { bodyBytes: Buffer.byteLength(body), cases: request.cases!.length, service, bareHttp, inProcess };
}

const ms = (n: number) => `${n.toFixed(n >= 100 ? 0 : 1)} ms`;

export function formatService(r: ServiceResult): string[] {
  const row = (name: string, f: LoadFigures) =>
    `  ${name.padEnd(34)} ${f.requestsPerSecond.toFixed(0).padStart(6)} req/s   p50 ${ms(f.p50Ms).padStart(8)}   p95 ${ms(f.p95Ms).padStart(8)}   max ${ms(f.maxMs).padStart(8)}`;
  return [
    `The scoring service: ${ROUNDS} rounds of ${CONCURRENCY} concurrent POST /v1/score of the Derbyshire inspection (${r.cases} cases, ${(r.bodyBytes / 1024).toFixed(0)} kB), on 127.0.0.1; every answer checked against the library's result`,
    row('criteria serve', r.service),
    row('bare node:http (reads, fixed answer)', r.bareHttp),
    `  the library in process, one at a time: ${r.inProcess.requestsPerSecond.toFixed(0)} req/s (median ${ms(r.inProcess.medianMs)}); the service reaches ${((100 * r.service.requestsPerSecond) / r.inProcess.requestsPerSecond).toFixed(0)}% of it, and ${((100 * r.service.requestsPerSecond) / r.bareHttp.requestsPerSecond).toFixed(0)}% of the bare server's rate`,
  ];
}
