/**
 * A one-time code that makes its holder an organizer: an invite for one org (7 days), or the
 * setup code's record once spent. `_id` is the code's hash; the code itself is never stored.
 */
export type OrgCode = {
  _id: string;
  kind: 'invite' | 'setup';
  orgId: string;
  issuedBy: string | null;
  issuedAt: number;
  expiresAt: number;
  usedBy: string | null;
  usedAt: number | null;
};

/** How someone became an organizer of an org: the ledger behind the role on their user record. */
export type OrganizerGrant = {
  /** `${orgId}_${userId}`: one grant per person per org. */
  _id: string;
  orgId: string;
  userId: string;
  /** `database`: a role set on the user record by hand, recorded here when revoked. */
  via: 'invite' | 'setup' | 'database';
  invitedBy: string | null;
  grantedAt: number;
  revokedAt: number | null;
  revokedBy: string | null;
  revokeReason: string;
};
