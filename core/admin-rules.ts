/** Rules of the org tree and its organizers, shared by the admin function and its pages. */
import { INVITE_ALPHABET } from './team-rules';
import type { OrgKind } from './types/org';
import type { OrgRole } from './types/user';

/** Organizer invite codes and the setup code: 12 letters/digits (60 bits), shown in groups of four. */
export const ORG_CODE_LENGTH = 12;
export const ORG_CODE_DAYS = 7;
export const ORG_CODE_ALPHABET = INVITE_ALPHABET;

/** The code as typed (any case, spaces or dashes between groups) reduced to its letters. */
export function normalizeOrgCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** ABCD-EFGH-JKLM: easier to read aloud and copy by hand. */
export function formatOrgCode(code: string): string {
  return normalizeOrgCode(code).replace(/(.{4})(?=.)/g, '$1-');
}

export const ORG_KIND_LABEL: Record<OrgKind, string> = { league: '团组织', party: '党组织' };

/** The import sheet's columns, in order. */
export const IMPORT_COLUMNS = ['类型', '名称', '所在单位', '上级组织'] as const;
export const IMPORT_MAX_ROWS = 200;
export const ORG_NAME_MAX = 40;
export const UNIT_NAME_MAX = 60;

/**
 * An org name as stored: full-width letters and digits made ordinary (NFKC), invisible format
 * characters (zero-width joiners, bidi marks…) removed, runs of spaces made one.
 */
export function normalizeOrgName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What two names must differ in to be two orgs: look-alikes (spacing, case, width) are the same name. */
export function orgNameKey(text: string): string {
  return normalizeOrgName(text).replace(/\s/g, '').toLowerCase();
}

/** What each role on a user record is called on screen. */
export const ROLE_LABELS: Record<OrgRole, string> = {
  organizer: '团组织管理员',
  partyContact: '党组织联系人',
  enterprise: '企业联系人',
  cadre: '接单干部',
};
