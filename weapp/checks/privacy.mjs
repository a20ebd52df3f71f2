/**
 * Every privacy API the app's source calls is declared in docs/deploy.md's privacy table (WeChat
 * disables an undeclared one in production), and the app registers no onNeedPrivacyAuthorization
 * listener, so WeChat's own popup can appear before any of them on any page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../../scripts/files.mjs';

/** The privacy interfaces (WeChat's list) this app may reach, and how each shows in source. */
const PRIVACY_APIS = {
  chooseAvatar: /openType=['"]chooseAvatar['"]/,
  nickname: /type=['"]nickname['"]/,
  getLocation: /\bTaro\.getLocation\(/,
  chooseImage: /\bTaro\.chooseImage\(/,
  chooseMedia: /\bTaro\.chooseMedia\(/,
  chooseMessageFile: /\bTaro\.chooseMessageFile\(/,
  setClipboardData: /\bTaro\.setClipboardData\(/,
  getClipboardData: /\bTaro\.getClipboardData\(/,
  chooseLocation: /\bTaro\.chooseLocation\(/,
  saveImageToPhotosAlbum: /\bTaro\.saveImageToPhotosAlbum\(/,
};

export function checkPrivacyDeclarations(root) {
  const sources = [...filesUnder(path.join(root, 'src'))].filter((file) => /\.tsx?$/.test(file.path));
  const used = new Map();
  const listeners = [];
  for (const file of sources) {
    const text = readFileSync(file.path, 'utf8');
    for (const [api, pattern] of Object.entries(PRIVACY_APIS)) if (pattern.test(text)) used.set(api, path.relative(root, file.path));
    if (/onNeedPrivacyAuthorization\s*(\?\.)?\(/.test(text)) listeners.push(path.relative(root, file.path));
  }
  const guide = readFileSync(path.join(root, 'docs/deploy.md'), 'utf8');
  const table = guide.slice(guide.indexOf('privacy-declarations'));
  const undeclared = [...used].filter(([api]) => !table.includes(api)).map(([api, file]) => `${api}（${file}）`);
  const failures = [];
  if (undeclared.length) failures.push(`docs/deploy.md 的隐私声明表缺少：${undeclared.join('、')}`);
  if (listeners.length) failures.push(`注册了 onNeedPrivacyAuthorization，会让其他页面的隐私接口没有弹窗：${listeners.join('、')}`);
  if (failures.length) throw new Error(failures.join('\n'));
  return { declared: [...used.keys()] };
}
