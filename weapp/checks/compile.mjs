/**
 * WeChat's own compilers, as shipped in the npm package miniprogram-compiler: wcc for every .wxml,
 * wcsc for every .wxss of the build. WeChat DevTools refuses a build either of them rejects.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { filesUnder } from '../../scripts/files.mjs';

export function compileWithWeChat(root, dist) {
  const require = createRequire(path.join(root, 'package.json'));
  const compilerDir = path.dirname(require.resolve('miniprogram-compiler/package.json'));
  const wcc = require(path.join(compilerDir, 'src/wcc'));
  const wcsc = require(path.join(compilerDir, 'src/wcsc'));
  const named = (ext) => [...filesUnder(dist)].map((file) => path.relative(dist, file.path)).filter((file) => file.endsWith(`.${ext}`));
  // wcc and wcsc take pages and styles without their extension, and .wxs modules with theirs.
  const list = (ext) => named(ext).map((file) => file.slice(0, -ext.length - 1));
  const options = { maxBuffer: 64 * 1024 * 1024 };
  const wxml = list('wxml');
  const wxss = list('wxss');
  const failures = [];
  for (const [name, run] of [
    // Both compilers add to the lists they are given.
    ['wcc', () => wcc(dist, [...wxml], named('wxs'), options)],
    ['wcsc', () => wcsc(dist, [...wxss], options)],
  ]) {
    try {
      const output = run();
      if (output instanceof Error) throw output;
    } catch (error) {
      failures.push(
        `${name}: ${String(error?.message ?? error)
          .trim()
          .slice(0, 1500)}`,
      );
    }
  }
  if (failures.length) throw new Error(`微信的编译器拒绝了这个构建：\n${failures.join('\n')}`);
  return { wxml: wxml.length, wxss: wxss.length };
}
