/**
 * project.config.json says es6: false (WeChat does not transpile on upload), so every script of the
 * build must already be ES5: a `let`, `?.` or `??` left in vendors.js is a blank app on an old phone.
 * And nothing may read `process` at run time: WeChat's app service has no such global.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { filesUnder } from '../../scripts/files.mjs';

export function checkScriptsAreEs5(root, dist) {
  const require = createRequire(path.join(root, 'package.json'));
  const acorn = require('acorn');
  const failures = [];
  const scripts = [...filesUnder(dist)].filter((file) => file.path.endsWith('.js'));
  for (const file of scripts) {
    const source = readFileSync(file.path, 'utf8');
    const name = path.relative(dist, file.path);
    try {
      acorn.parse(source, { ecmaVersion: 5, sourceType: 'script' });
    } catch (error) {
      const { line, column } = error.loc ?? {};
      failures.push(
        `${name}:${line}:${column} 不是 ES5（${error.message}）：…${source.slice(Math.max(0, error.pos - 60), error.pos + 40)}…`,
      );
    }
    const processUse = /\bprocess\.env\b/.exec(source);
    if (processUse)
      failures.push(`${name} 在运行时读取 process.env：…${source.slice(Math.max(0, processUse.index - 60), processUse.index + 60)}…`);
  }
  if (failures.length) throw new Error(failures.join('\n'));
  return { scripts: scripts.length };
}
