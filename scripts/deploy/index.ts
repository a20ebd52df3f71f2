/**
 * `npm run deploy`: sets up the CloudBase environment named in .env.production — collections and
 * their permission, indexes, every cloud function with its config.json — and prints a one-time
 * setup code for the root org's first organizer (docs/deploy.md). `--dry-run` prints the plan only.
 */
import path from 'node:path';
import { hashOrgCode, newOrgCode } from '../../server/runtime/org-code';
import { COLLECTIONS } from '../../server/db/indexes';
import { applyPlan, type CloudBaseApi } from './cloudbase';
import { DeployError, StepError } from './errors';
import { readFunctions } from './functions';
import { buildPlan, type SetupPlan } from './plan';
import { formatPlan, formatSetupCode } from './print';
import { credentialsOf, planProblems, readSettings, type Credentials } from './settings';

export type DeployIo = {
  /** The project root: .env.production and cloudfunctions/ are read from here. */
  root: string;
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Bundles every cloudfunctions/<fn>/index.js (what npm run build:cloud does). */
  build: () => void;
  /** The only way to the network: called once credentials are known, never on a dry run. */
  connect: (credentials: Credentials) => Promise<CloudBaseApi>;
  newCode?: () => string;
};

type Options = { dryRun: boolean; keepSetupCode: boolean; envFile: string; help: boolean };

export const USAGE = [
  '用法：npm run deploy [-- 选项]',
  '  --dry-run            只打印部署计划，不连接云端，不需要密钥',
  '  --keep-setup-code    不更换设置码（管理员云函数的环境变量保持不变）',
  '  --env-file <文件>    从别的文件读取设置（默认 .env.production）',
];

function parseArgs(argv: string[]): Options {
  const options: Options = { dryRun: false, keepSetupCode: false, envFile: '.env.production', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--keep-setup-code') options.keepSetupCode = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--env-file' && argv[i + 1]) options.envFile = argv[++i];
    else if (arg.startsWith('--env-file=')) options.envFile = arg.slice('--env-file='.length);
    else throw new DeployError(`不认识的选项 ${arg}\n${USAGE.join('\n')}`);
  }
  return options;
}

const AFTER_DEPLOY = [
  '部署完成。还有两件事只能在微信后台做（docs/deploy.md）：',
  '  · 消息推送：事件 wxa_media_check → 云函数 achievement（图片安全检查的结果由此送回）；',
  '  · 第一次部署后，若云函数日志出现 -604101（没有调用该接口的权限），用微信开发者工具对该函数「上传并部署：云端安装依赖」一次，让 config.json 中的云调用权限生效。',
];

async function run(options: Options, io: DeployIo): Promise<void> {
  const settings = readSettings(path.resolve(io.root, options.envFile), options.envFile, io.env);
  const issuesCode = !options.keepSetupCode;
  const problems = planProblems(settings, issuesCode);
  if (problems.length) throw new DeployError(`还不能部署：\n${problems.map((line) => `  - ${line}`).join('\n')}`);
  const credentials = credentialsOf(settings);
  if (!options.dryRun && typeof credentials === 'string') throw new DeployError(credentials);

  const code = issuesCode ? (io.newCode ?? newOrgCode)() : null;
  const setup: SetupPlan = code
    ? { kind: 'issue', hash: hashOrgCode(code), rootOrgName: settings.rootOrgName, rootOrgUnit: settings.rootOrgUnit }
    : { kind: 'keep' };
  if (!options.dryRun) {
    try {
      io.build();
    } catch {
      throw new DeployError('构建云函数失败（npm run build:cloud），错误见上方；改正后重新运行 npm run deploy。');
    }
  }
  const functions = readFunctions(path.join(io.root, 'cloudfunctions'));
  const plan = buildPlan({ envId: settings.envId, collections: COLLECTIONS, functions, setup });
  formatPlan(plan).forEach((line) => io.out(line));
  io.out('');

  if (options.dryRun) {
    io.out('试运行：以上只是计划，没有连接云端，什么也没有改。');
    if (typeof credentials === 'string') io.out(`真正部署时还需要：\n${credentials}`);
    if (code && setup.kind === 'issue') formatSetupCode(code, setup, true).forEach((line) => io.out(line));
    return;
  }
  const unbuilt = functions.filter((fn) => !fn.built).map((fn) => `cloudfunctions/${fn.name}/index.js`);
  if (unbuilt.length) throw new DeployError(`缺少云函数的构建产物 ${unbuilt.join('、')}：先运行 npm run build:cloud`);
  if (typeof credentials === 'string') throw new DeployError(credentials);
  const api = await io.connect(credentials).catch((error: unknown) => {
    throw new StepError(`连接云开发环境 ${settings.envId}`, error);
  });
  await applyPlan(api, plan, (line) => io.out(line));
  io.out('');
  AFTER_DEPLOY.forEach((line) => io.out(line));
  if (code && setup.kind === 'issue') {
    io.out('');
    formatSetupCode(code, setup, false).forEach((line) => io.out(line));
  }
}

/** The exit code: 0 done (or planned), 1 stopped with a message on `err`. */
export async function main(argv: string[], io: DeployIo): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.help) {
      USAGE.forEach((line) => io.out(line));
      return 0;
    }
    await run(options, io);
    return 0;
  } catch (error) {
    if (error instanceof DeployError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof StepError) {
      io.err(error.message);
      io.err('之前的步骤已经完成；排除问题后重新运行 npm run deploy，已完成的部分会被识别并跳过。');
      return 1;
    }
    throw error;
  }
}
