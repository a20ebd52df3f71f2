/**
 * Every page renders its real content for the user it is for: the texts only that content shows,
 * every node drawn by a template (an <i> or other tag Taro's weapp templates lack renders nothing),
 * and WeChat's experience-audit limits on nodes, depth and setData payload.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotHtml } from '../harness/snapshot.mjs';
import { PAGE_CATALOG } from './page-catalog.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SNAPSHOTS = path.join(root, 'weapp/artifacts/pages');

const budgets = JSON.parse(readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8')).weapp;

export function pageChecks(persona) {
  const pages = PAGE_CATALOG.filter((entry) => entry.as === persona).map((entry) => ({
    name: `${entry.route}${entry.query ? `?${new URLSearchParams(entry.query)}` : ''}`,
    async run(app) {
      const callsBefore = app.calls.length;
      const page = await app.open(entry.route, entry.query ?? {});
      try {
        for (const text of entry.expect) await page.waitFor(text);
        mkdirSync(SNAPSHOTS, { recursive: true });
        const file = `${persona}--${entry.route.replace(/\//g, '_')}.html`;
        writeFileSync(path.join(SNAPSHOTS, file), snapshotHtml(path.join(root, 'dist'), entry.route, page.dom));
        const untemplated = nodesWithoutTemplate(page.instance.data.root);
        if (untemplated.length) throw new Error(`没有模板、不会显示的节点：${untemplated.join('；')}`);
        const metrics = page.metrics();
        const over = [];
        if (metrics.nodes >= budgets.pageNodesBelow) over.push(`节点 ${metrics.nodes} ≥ ${budgets.pageNodesBelow}`);
        if (metrics.depth >= budgets.pageDepthBelow) over.push(`深度 ${metrics.depth} ≥ ${budgets.pageDepthBelow}`);
        if (metrics.setDataMax >= budgets.setDataBytesBelow)
          over.push(`单次 setData ${metrics.setDataMax} 字节 ≥ ${budgets.setDataBytesBelow}`);
        if (over.length) throw new Error(`超出体验评分的上限：${over.join('，')}`);
        const failed = app.calls.slice(callsBefore).filter((call) => call.code === 'THREW' || call.code === 'INTERNAL');
        if (failed.length) throw new Error(`云函数出错：${JSON.stringify(failed)}`);
        return { metrics };
      } finally {
        page.close();
      }
    },
  }));
  // A listener would take over WeChat's own privacy popup everywhere, and only a page showing a dialog could answer it.
  const privacy = {
    name: `${persona}：没有页面注册 onNeedPrivacyAuthorization`,
    async run(app) {
      if (app.wx.privacyListeners) throw new Error(`注册了 ${app.wx.privacyListeners} 次 onNeedPrivacyAuthorization`);
    },
  };
  return [...pages, privacy];
}

/** Taro names a node by its template number; a node still named by its tag has no template. */
function nodesWithoutTemplate(root) {
  const found = [];
  const walk = (node, parent) => {
    if (!node || typeof node !== 'object') return;
    if (node.nn !== undefined && !/^\d+$/.test(String(node.nn))) found.push(`<${node.nn} class="${node.cl ?? ''}"> 在 ${parent} 中`);
    for (const child of node.cn ?? []) walk(child, String(node.cl ?? node.nn ?? 'root').split(' ')[0]);
  };
  walk(root, 'root');
  return found;
}
