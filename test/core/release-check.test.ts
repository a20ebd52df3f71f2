import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEMPLATES } from '../../core/templates';
import { readReleaseSettings, releaseProblems } from '../../scripts/release-settings.mjs';

const root = path.resolve(__dirname, '../..');
const filledIds = Object.keys(TEMPLATES).map((key, index) => `tmpl-${index}-${key}`);

function projectWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-release-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('release check (npm run release:check, before build:release)', () => {
  it('reads every template id of core/templates.ts, as the release build would ship them', () => {
    const settings = readReleaseSettings(root);
    expect(settings.templateIds).toEqual(Object.values(TEMPLATES).map((template) => template.id));
  });

  it('refuses the repository as committed: no env id, the tourist AppID, placeholder template ids', () => {
    const problems = releaseProblems(readReleaseSettings(root));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('.env.production');
    expect(problems[1]).toContain('touristappid');
    expect(problems[2]).toContain(`${Object.keys(TEMPLATES).length} 个订阅消息模板 ID 未填写`);
  });

  it('passes once the env id, the AppID and every template id are filled in', () => {
    expect(releaseProblems({ cloudEnv: 'kc-prod-1a2b', appid: 'wx1234567890abcdef', templateIds: filledIds })).toEqual([]);
  });

  it('names each template id still a placeholder, and an empty one', () => {
    const ids = [...filledIds.slice(2), 'TEMPLATE_ID_LETTER_ISSUED', ''];
    const problems = releaseProblems({ cloudEnv: 'env', appid: 'wx1234567890abcdef', templateIds: ids });
    expect(problems).toEqual([expect.stringContaining('2 个订阅消息模板 ID 未填写：TEMPLATE_ID_LETTER_ISSUED、')]);
  });

  it('takes the env id from .env.production, quoted or not', () => {
    const templates = `export const TEMPLATES = {\n  a: {\n    id: 'tmpl-a',\n  },\n};\n`;
    const quoted = projectWith({
      '.env.production': 'OTHER=1\nTARO_APP_CLOUD_ENV="kc-prod-1a2b"\n',
      'project.config.json': JSON.stringify({ appid: 'wx1234567890abcdef' }),
      'core/templates.ts': templates,
    });
    expect(readReleaseSettings(quoted)).toEqual({ cloudEnv: 'kc-prod-1a2b', appid: 'wx1234567890abcdef', templateIds: ['tmpl-a'] });
    const missing = projectWith({ 'project.config.json': JSON.stringify({ appid: 'touristappid' }), 'core/templates.ts': templates });
    expect(readReleaseSettings(missing).cloudEnv).toBe('');
  });
});
