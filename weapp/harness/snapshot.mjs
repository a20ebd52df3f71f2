/**
 * A rendered page as a standalone HTML file, with the build's own WXSS translated for a browser
 * (rpx at 375 px wide, classes prefixed as j-component prefixes them, WeChat tags as wx-* elements),
 * so a person can look at what the weapp renders. For looking only: the checks assert on the tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TAGS = ['view', 'text', 'image', 'button', 'input', 'textarea', 'picker', 'scroll-view', 'swiper', 'canvas', 'navigator', 'label'];
const BASE = `body{margin:0;font-family:"Noto Sans CJK SC",sans-serif;font-size:16px;background:#f5f6f8}
wx-view,wx-button,wx-picker,wx-scroll-view,wx-swiper,wx-navigator,wx-input,wx-textarea{display:block}
wx-text,wx-label{display:inline}wx-image{display:inline-block;overflow:hidden}
wx-button{border:0;background:none;padding:0}wx-textarea{min-height:60px}virtual{display:contents}`;

function wxssOf(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return '';
  seen.add(file);
  return readFileSync(file, 'utf8').replace(/@import\s+"([^"]+)";/g, (_, target) => wxssOf(path.resolve(path.dirname(file), target), seen));
}

function toCss(wxss, prefix) {
  const withPx = wxss.replace(/(-?\d*\.?\d+)rpx/g, (_, value) => `${(Number(value) / 2).toFixed(2)}px`);
  return withPx
    .split('}')
    .map((chunk) => {
      const open = chunk.indexOf('{');
      if (open < 0 || chunk.trimStart().startsWith('@')) return chunk;
      const selector = chunk
        .slice(0, open)
        .replace(/\.(-?[_a-zA-Z][\w-]*)/g, `.${prefix}--$1`)
        .replace(/(^|[\s,>+~(])page(?=[\s,.:{[]|$)/g, '$1main')
        .replace(new RegExp(`(^|[\\s,>+~(])(${TAGS.join('|')})(?=[\\s,.:{[#]|$)`, 'g'), '$1wx-$2');
      return selector + chunk.slice(open);
    })
    .join('}');
}

export function snapshotHtml(dist, route, dom) {
  const css = [path.join(dist, 'app.wxss'), path.join(dist, `${route}.wxss`)].map((file) => toCss(wxssOf(file), 'main')).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${BASE}\n${css}</style></head><body>${dom.outerHTML}</body></html>`;
}
