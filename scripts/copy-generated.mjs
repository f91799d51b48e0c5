// tsc does not copy the precompiled ajv validators (.cjs); the built package needs them beside the checker.
// Nor does it mark the command executable: `npx criteria` runs dist/cli/main.js directly, and npx
// caches its link to a folder, so a fresh build in a folder it has seen before must carry the bit itself.
import { chmodSync, cpSync } from 'node:fs';
cpSync('src/check/generated', 'dist/check/generated', { recursive: true });
chmodSync('dist/cli/main.js', 0o755);
