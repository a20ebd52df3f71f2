/** What the user reads: the plan before deploying, and the setup code after. */
import { formatOrgCode } from '../../core/admin-rules';
import { ADMIN_FUNCTION, RUNTIME, type Plan, type PlannedFunction, type PlannedIndex, type SetupPlan } from './plan';

/** Enough of the hash to recognise it; the whole hash would only help someone guessing codes offline. */
export const hashPreview = (hash: string) => `sha256:${hash.slice(0, 8)}…`;

const keyText = (index: PlannedIndex) =>
  index.keys.map(({ field, direction }) => `${field}${direction === '-1' ? '↓' : '↑'}`).join(' + ') + (index.unique ? '（唯一）' : '');

function envText(fn: PlannedFunction, setup: SetupPlan): string {
  if (!fn.envVariables) return setup.kind === 'keep' && fn.name === ADMIN_FUNCTION ? '环境变量保持不变（--keep-setup-code）' : '';
  const shown = Object.entries(fn.envVariables).map(
    ([key, value]) => `${key}=${key === 'SETUP_CODE_HASH' ? `新设置码的散列 ${hashPreview(value)}` : value}`,
  );
  return `环境变量 ${shown.join('，')}`;
}

export function formatPlan(plan: Plan): string[] {
  const lines = [`部署计划：云开发环境 ${plan.envId}`, ''];
  const indexCount = plan.collections.reduce((sum, c) => sum + c.indexes.length, 0);
  lines.push(
    `一、数据库：${plan.collections.length} 个集合（已有的跳过），权限都设为「仅管理端可读写」；${indexCount} 个索引（已有的跳过）`,
  );
  for (const collection of plan.collections) {
    lines.push(`  ${collection.name}`);
    for (const index of collection.indexes) lines.push(`    索引 ${index.name}：${keyText(index)}`);
  }
  lines.push('');
  lines.push(
    `二、云函数：${plan.functions.length} 个（没有的新建，已有的更新代码和配置），运行环境 ${RUNTIME}，云端按 package.json 安装依赖`,
  );
  for (const fn of plan.functions) {
    const parts = [
      `超时 ${fn.timeout} 秒`,
      `云调用权限 ${fn.openapi.length ? fn.openapi.join('、') : '无'}`,
      `依赖 ${fn.dependencies.join('、') || '无'}`,
      ...fn.triggers.map((trigger) => `定时触发器 ${trigger.name}（${trigger.config}）`),
      envText(fn, plan.setup),
    ].filter(Boolean);
    lines.push(`  ${fn.name}：${parts.join('；')}`);
  }
  lines.push('');
  lines.push(
    plan.setup.kind === 'issue'
      ? `三、设置码：生成新的一次性设置码，根团组织「${plan.setup.rootOrgName}」（${plan.setup.rootOrgUnit}）；部署成功后打印，之前的设置码随即失效`
      : '三、设置码：保留现有的设置码（--keep-setup-code），不打印新的',
  );
  return lines;
}

export function formatSetupCode(code: string, setup: Extract<SetupPlan, { kind: 'issue' }>, dryRun: boolean): string[] {
  const frame = '════════════════════════════════';
  return [
    frame,
    dryRun ? '设置码（试运行：这个码只是示例，没有写入云端，不能使用）' : '设置码（只显示这一次）',
    '',
    `    ${formatOrgCode(code)}`,
    '',
    `请把它交给根团组织「${setup.rootOrgName}」（${setup.rootOrgUnit}）的第一位管理员：`,
    '  在小程序「我的 → 成为团组织管理员」输入，即成为根团组织的管理员。',
    '  · 只能用一次：用过之后这个入口关闭，以后的管理员由已有管理员在「管理员 → 生成邀请码」邀请。',
    '  · 在它被使用之前再次运行 npm run deploy 会生成新的设置码，这个就失效了；不想更换时加 --keep-setup-code。',
    '  · 设置码不写入任何文件，云函数里只保存它的散列：请现在抄下，当面或通过可靠渠道转交。',
    frame,
  ];
}
