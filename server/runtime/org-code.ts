/** One-time organizer codes: generated here, stored only as a hash, compared by hash. */
import { createHash, randomInt } from 'node:crypto';
import { normalizeOrgCode, ORG_CODE_ALPHABET, ORG_CODE_LENGTH } from '../../core/admin-rules';

export function newOrgCode(): string {
  return Array.from({ length: ORG_CODE_LENGTH }, () => ORG_CODE_ALPHABET[randomInt(ORG_CODE_ALPHABET.length)]).join('');
}

/** What is stored for a code (as typed or as issued): a hex SHA-256 of its letters. */
export function hashOrgCode(code: string): string {
  return createHash('sha256')
    .update(`kctjd-org-code:${normalizeOrgCode(code)}`)
    .digest('hex');
}
