/**
 * A progress bar for long scoring runs, on standard error and only when it is a terminal
 * (nothing at all otherwise). The total is estimated by counting the case file's rows.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';

const LARGE = 20 * 1024 * 1024;

/**
 * How many cases a CSV or NDJSON file holds, estimated without decoding: its lines (the last one
 * counts whether or not it ends in a newline), less the header of a CSV.
 */
export async function countRows(file: string, format: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  if (last !== 10) lines++;
  return Math.max(0, format === 'csv' ? lines - 1 : lines);
}

export interface Progress {
  update(read: number): void;
  stop(): void;
}

/** A bar for a run over `caseFile`, or a no-op when stderr is no terminal or the file is small. */
export async function startProgress(caseFile: { file: string; format: string } | undefined): Promise<Progress> {
  const none = { update() {}, stop() {} };
  if (!process.stderr.isTTY || caseFile === undefined || !existsSync(caseFile.file) || statSync(caseFile.file).size < LARGE) return none;
  const { SingleBar, Presets } = await import('cli-progress');
  const total = await countRows(caseFile.file, caseFile.format);
  const bar = new SingleBar(
    { stream: process.stderr, format: 'scoring |{bar}| {percentage}% | {value}/{total} cases | {eta_formatted} left', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (read) => bar.update(Math.min(read, total)), stop: () => bar.stop() };
}
