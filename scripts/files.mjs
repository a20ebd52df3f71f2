import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file below a folder, with its stat. */
export function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield { path: full, stat: statSync(full) };
  }
}
