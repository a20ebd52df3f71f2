import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'admin'>> = ActionInput<'admin', A>;

/** The org tree, its organizers and their one-time codes. */
export const adminService = {
  orgTree: () => callCloud('admin', 'orgTree', {}),
  createOrg: (input: In<'createOrg'>) => callCloud('admin', 'createOrg', input),
  renameOrg: (input: In<'renameOrg'>) => callCloud('admin', 'renameOrg', input),
  moveOrg: (input: In<'moveOrg'>) => callCloud('admin', 'moveOrg', input),
  retireOrg: (input: In<'retireOrg'>) => callCloud('admin', 'retireOrg', input),
  importTemplate: () => callCloud('admin', 'importTemplate', {}),
  previewImport: (fileId: string) => callCloud('admin', 'previewImport', { fileId }),
  confirmImport: (fileId: string) => callCloud('admin', 'confirmImport', { fileId }),
  organizers: (orgId: string) => callCloud('admin', 'organizers', { orgId }),
  issueCode: (orgId: string) => callCloud('admin', 'issueCode', { orgId }),
  revokeOrganizer: (input: In<'revokeOrganizer'>) => callCloud('admin', 'revokeOrganizer', input),
  redeemCode: (code: string) => callCloud('admin', 'redeemCode', { code }),
  myRoles: () => callCloud('admin', 'myRoles', {}),
};
