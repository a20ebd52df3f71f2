export type ReleaseSettings = { cloudEnv: string; appid: string; templateIds: string[] };
export function releaseProblems(settings: ReleaseSettings): string[];
export function readReleaseSettings(root: string): ReleaseSettings;
