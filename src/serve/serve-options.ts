/** The service's settings, and how the command line's `10mb` and `30s` are read. */
import bytes from 'bytes';
import ms from 'ms';

export interface ServeOptions {
  /** The folder of packs (its `rules/` and `thematics/` folders, or a pack folder itself), absolute. */
  workspace: string;
  /** The address to listen on; 127.0.0.1 unless told otherwise. */
  host: string;
  /** The port; 0 picks a free one. */
  port: number;
  /** When set, every `/v1` route needs `Authorization: Bearer <token>`. */
  token?: string;
  /** The largest request body, in bytes (an NDJSON stream included). */
  maxBodyBytes: number;
  /** The most cases one request may score. */
  maxCases: number;
  /** The longest a request may take, receiving and scoring, in milliseconds. */
  timeoutMs: number;
  /** The one origin allowed to call the service from a browser page (CORS is off without it). */
  cors?: string;
  /** Where the access log goes, a JSON line per request (by default standard error). */
  log?: (line: string) => void;
}

export const DEFAULTS = { host: '127.0.0.1', port: 8080, maxBody: '10mb', maxCases: 1_000_000, timeout: '30s' } as const;

/** Bytes from `10mb`, `512kb` or a plain number; undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : bytes.parse(text);
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** Milliseconds from `30s`, `2m`, `500ms` or a plain number of seconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) * 1000 : ms(text as ms.StringValue);
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 24 * 3600 * 1000 ? Math.round(value) : undefined;
}
