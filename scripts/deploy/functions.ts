/** The deployable cloud functions: every cloudfunctions/<fn>/ with an index.ts and a config.json. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DeployError } from './errors';

export type Trigger = { name: string; type: string; config: string };

export type FunctionConfig = { timeout: number; openapi: string[]; triggers: Trigger[] };

export type FunctionSource = {
  name: string;
  /** Absolute path of the folder that is uploaded (index.js, package.json, config.json). */
  dir: string;
  config: FunctionConfig;
  /** What the cloud installs from package.json. */
  dependencies: string[];
  /** Whether the bundle (index.js) is there to upload. */
  built: boolean;
};

function readJson(file: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DeployError(`${label} 不是有效的 JSON：${(error as Error).message}`);
  }
}

/** The fields of config.json deploy uses, checked (a typo here would otherwise reach the cloud). */
export function parseConfig(raw: unknown, label: string): FunctionConfig {
  const config = (raw ?? {}) as { timeout?: unknown; permissions?: { openapi?: unknown }; triggers?: unknown };
  if (typeof config.timeout !== 'number' || !Number.isInteger(config.timeout) || config.timeout < 1) {
    throw new DeployError(`${label} 的 timeout 应是以秒计的正整数`);
  }
  const openapi = config.permissions?.openapi ?? [];
  if (!Array.isArray(openapi) || openapi.some((name) => typeof name !== 'string')) {
    throw new DeployError(`${label} 的 permissions.openapi 应是接口名的数组`);
  }
  const triggers = config.triggers ?? [];
  if (!Array.isArray(triggers)) throw new DeployError(`${label} 的 triggers 应是数组`);
  for (const trigger of triggers as Partial<Trigger>[]) {
    if (typeof trigger?.name !== 'string' || typeof trigger.config !== 'string' || trigger.type !== 'timer') {
      throw new DeployError(`${label} 的触发器应写成 { "name": …, "type": "timer", "config": "cron 表达式" }（云开发只支持定时触发器）`);
    }
  }
  return {
    timeout: config.timeout,
    openapi: openapi as string[],
    triggers: (triggers as Trigger[]).map(({ name, type, config }) => ({ name, type, config })),
  };
}

export function readFunctions(functionsDir: string): FunctionSource[] {
  if (!existsSync(functionsDir)) throw new DeployError(`找不到云函数目录 ${functionsDir}`);
  return readdirSync(functionsDir)
    .filter((name) => existsSync(path.join(functionsDir, name, 'index.ts')))
    .sort()
    .map((name) => {
      const dir = path.join(functionsDir, name);
      const configFile = path.join(dir, 'config.json');
      if (!existsSync(configFile)) throw new DeployError(`cloudfunctions/${name} 缺少 config.json`);
      const pkgFile = path.join(dir, 'package.json');
      if (!existsSync(pkgFile)) throw new DeployError(`cloudfunctions/${name} 缺少 package.json（云端按它安装依赖）`);
      const pkg = readJson(pkgFile, `cloudfunctions/${name}/package.json`) as { dependencies?: Record<string, string> };
      return {
        name,
        dir,
        config: parseConfig(readJson(configFile, `cloudfunctions/${name}/config.json`), `cloudfunctions/${name}/config.json`),
        dependencies: Object.keys(pkg.dependencies ?? {}),
        built: existsSync(path.join(dir, 'index.js')),
      };
    });
}
