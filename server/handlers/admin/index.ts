/** The org tree and its organizers (tree.ts, import.ts, organizers.ts), and becoming an organizer (redeem.ts). */
import type { Handlers } from '../../runtime/function';
import { confirmImport, importTemplate, previewImport } from './import';
import { issueCode, organizers, revokeOrganizer } from './organizers';
import { redeemCode } from './redeem';
import { myRoles } from './roles';
import { createOrg, moveOrg, orgTree, renameOrg, retireOrg } from './tree';

export const adminHandlers: Handlers<'admin'> = {
  orgTree,
  createOrg,
  renameOrg,
  moveOrg,
  retireOrg,
  importTemplate,
  previewImport,
  confirmImport,
  organizers,
  issueCode,
  revokeOrganizer,
  redeemCode,
  myRoles,
};
