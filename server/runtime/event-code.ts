/**
 * The rotating sign-in code. Each 10 s slot has its own 6-digit code, derived from the event's
 * server-only secret, so nothing is stored per slot and any function instance computes the same
 * code (docs/architecture.md, platform details: no in-memory state between calls).
 */
import { createHmac, randomBytes } from 'node:crypto';
import qrcode from 'qrcode-generator';
import { CODE_DIGITS, acceptedSlots } from '../../core/progress-rules';

export function newEventSecret(): string {
  return randomBytes(16).toString('hex');
}

export function codeFor(secret: string, slot: number): string {
  const mac = createHmac('sha256', secret).update(`slot:${slot}`).digest();
  return String(mac.readUInt32BE(0) % 10 ** CODE_DIGITS).padStart(CODE_DIGITS, '0');
}

/** The slot whose code this is, if it is still accepted at `at`; null otherwise. */
export function matchingSlot(secret: string, code: string, at: number): number | null {
  return acceptedSlots(at).find((slot) => codeFor(secret, slot) === code) ?? null;
}

/** The QR code's modules, one string of 0/1 per row, for the app to draw without a QR library. */
export function qrModules(text: string): string[] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => (qr.isDark(row, col) ? '1' : '0')).join(''));
}
