// tsc does not copy the precompiled ajv validators (.cjs); the built package needs them beside the checker.
import { cpSync } from 'node:fs';
cpSync('src/check/generated', 'dist/check/generated', { recursive: true });
