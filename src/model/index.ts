export type * from './condition.js';
export type * from './pack.js';
export type * from './inspection.js';
export type * from './result.js';
export type { Diagnostic, ErrorCode } from './errors.js';
export { ERROR_CODES } from './errors.js';
export type * from './pack-test.js';
export type * from './trace.js';
