import { AppError } from '../../../core/errors';
import { ORG_KIND_LABEL, orgNameKey } from '../../../core/admin-rules';
import type { Org, OrgKind } from '../../../core/types';

/** The active org of this kind with this name (names identify orgs in imports and forms), other than `except`. */
export function sameName(orgs: Org[], kind: OrgKind, name: string, except?: string): Org | undefined {
  const key = orgNameKey(name);
  return orgs.find((org) => org.kind === kind && orgNameKey(org.name) === key && !org.retiredAt && org._id !== except);
}

export function requireUniqueName(orgs: Org[], kind: OrgKind, name: string, except?: string): void {
  if (sameName(orgs, kind, name, except)) {
    throw new AppError('STATE_CONFLICT', `已有同名的${ORG_KIND_LABEL[kind]}「${name}」，请换一个名称（可加上单位或地区）`);
  }
}
