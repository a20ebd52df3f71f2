/** The dev sign-in page: the demo users grouped by role. Exists only in the local host. */
import type { Member, User } from '../core/types';

type Group = { title: string; hint: string; users: User[] };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function groupUsers(users: User[], members: Member[]): Group[] {
  const roleOf = (user: User) => {
    if (user.roles.some((r) => r.role === 'organizer')) return 0;
    if (user.roles.some((r) => r.role === 'partyContact')) return 3;
    const memberships = members.filter((m) => m.userId === user._id);
    if (memberships.some((m) => m.role === 'leader')) return 1;
    if (memberships.length) return 2;
    return 4;
  };
  const groups: Group[] = [
    { title: '团组织管理员', hint: '审核备案、查看所辖队伍', users: [] },
    { title: '队长', hint: '管理队伍、邀请成员', users: [] },
    { title: '队员', hint: '查看队伍、接收消息', users: [] },
    { title: '党组织联系人', hint: '接收反馈函', users: [] },
    { title: '暂未加入队伍', hint: '可申请组建或凭邀请码加入', users: [] },
  ];
  for (const user of users) groups[roleOf(user)].users.push(user);
  return groups.filter((group) => group.users.length);
}

/**
 * Where to go after signing in: a path on this host, or '/'. Browsers treat `//x` and `/\x` as
 * another host, and drop tabs and newlines from URLs, so only a plain single-slash path passes.
 */
export function sameOriginPath(next: string | null): string {
  // Only printable ASCII: anything else could not go into a Location header as it is.
  const unsafe = (c: string) => c === '\\' || c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) >= 0x7f;
  if (!next || !next.startsWith('/') || next.startsWith('//') || [...next].some(unsafe)) return '/';
  try {
    const url = new URL(next, 'http://local');
    return url.origin === 'http://local' ? next : '/';
  } catch {
    return '/';
  }
}

export function signInPage(groups: Group[], next: string): string {
  const safeNext = sameOriginPath(next);
  const button = (user: User) => `
      <form method="post" action="/dev/sign-in">
        <input type="hidden" name="openid" value="${escapeHtml(user._id)}">
        <input type="hidden" name="next" value="${escapeHtml(safeNext)}">
        <button type="submit"><b>${escapeHtml(user.realName || user.nickname || '未命名用户')}</b><span>${escapeHtml(user.unitName || '未填写单位')}</span></button>
      </form>`;
  const sections = groups
    .map((group) => `<section><h2>${group.title}<small>${group.hint}</small></h2>${group.users.map(button).join('')}</section>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>本地体验登录 · 科创突击队</title>
<style>
body{margin:0;font-family:-apple-system,"Noto Sans CJK SC","PingFang SC",sans-serif;background:#f5f6f8;color:#1a1a1a}
header{background:#c8161d;color:#fff;padding:20px 16px}header h1{margin:0;font-size:20px}header p{margin:6px 0 0;font-size:13px;opacity:.9}
main{padding:8px 12px 24px;max-width:480px;margin:0 auto}section{margin-top:14px}
h2{font-size:15px;margin:0 0 8px}h2 small{font-weight:normal;color:#888;margin-left:8px;font-size:12px}
form{margin:0 0 8px}button{width:100%;display:flex;justify-content:space-between;align-items:center;padding:14px;border:0;border-radius:8px;background:#fff;font-size:15px;cursor:pointer;box-shadow:0 1px 2px rgba(0,0,0,.05)}
button span{color:#888;font-size:13px}.new button{justify-content:center;color:#c8161d}
</style></head><body>
<header><h1>本地体验登录</h1><p>仅本地云环境可用：选择一位演示用户进入小程序（微信中由 OPENID 自动识别身份）。</p></header>
<main>${sections}
<section class="new"><h2>新用户</h2><form method="post" action="/dev/sign-in"><input type="hidden" name="openid" value="new"><input type="hidden" name="next" value="${escapeHtml(safeNext)}"><button type="submit">以全新用户身份体验</button></form></section>
</main></body></html>`;
}
