/**
 * Checkable references (principle 1, docs/architecture.md): where a format exists it is checked, so a typo is caught
 * on the phone rather than by whoever later tries to look the reference up.
 */
export const EVIDENCE_KINDS = ['none', 'patent', 'doi', 'standard', 'copyright', 'report', 'contract', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  none: '无凭证',
  patent: '专利申请号',
  doi: 'DOI',
  standard: '标准编号',
  copyright: '软著登记号',
  report: '检测报告编号',
  contract: '合同编号',
  link: '链接',
};

export const EVIDENCE_PLACEHOLDERS: Record<EvidenceKind, string> = {
  none: '',
  patent: '如 CN202610123451.7',
  doi: '如 10.1109/JSSC.2026.1234567',
  standard: '如 GB/T 43697-2024 或 T/CESA 1234-2026',
  copyright: '如 2026SR0123456',
  report: '检测报告上的编号',
  contract: '合同上的编号',
  link: 'https:// 开头的网址',
};

/**
 * Chinese patent application number: 8 digits (before 2003) or 12 digits, then a check
 * character: the digits weighted 2,3,4,5,6,7,8,9,2,3,4,5… summed, mod 11, with 10 written X.
 */
export function isPatentApplicationNo(value: string): boolean {
  const match = /^(?:CN|ZL)?\s?(\d{8}|\d{12})\.?([\dX])$/i.exec(value.trim());
  if (!match) return false;
  const digits = match[1];
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index < 8 ? index + 2 : index - 6), 0);
  const check = sum % 11;
  return match[2].toUpperCase() === (check === 10 ? 'X' : String(check));
}

export function isDoi(value: string): boolean {
  return /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s?)?10\.\d{4,9}\/\S+$/i.test(value.trim());
}

/**
 * Standard numbers: national (GB, GB/T, GB/Z), sector (JB/T, YD/T…), group (T/CESA…), local
 * (DB11/T…) and international (ISO, IEC, ISO/IEC, IEEE), a number with optional parts, and a year.
 */
export function isStandardNo(value: string): boolean {
  return /^(?:GB(?:\/[TZ])?|[A-Z]{2}(?:\/[TZ])?|T\/[A-Z0-9]{2,12}|DB\d{2}(?:\/T)?|ISO(?:\/IEC)?|IEC|IEEE)\s?\d+(?:[.-]\d+)*\s?(?:[-—:]\s?(?:19|20)\d{2})$/.test(
    value.trim().replace(/\s+/g, ' '),
  );
}

/** Software copyright registration number (计算机软件著作权登记号), e.g. 2026SR0123456. */
export function isSoftwareCopyrightNo(value: string): boolean {
  return /^(?:19|20)\d{2}SR\d{6,7}$/i.test(value.trim());
}

export function isLink(value: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(value.trim());
}

const FORMAT_MESSAGES: Partial<Record<EvidenceKind, string>> = {
  patent: '专利申请号格式不正确（如 CN202610123451.7，末位为校验位），请核对',
  doi: 'DOI 格式不正确（应以 10. 开头，如 10.1109/JSSC.2026.1234567）',
  standard: '标准编号格式不正确（如 GB/T 43697-2024、T/CESA 1234-2026，须带年份）',
  copyright: '软著登记号格式不正确（如 2026SR0123456）',
  link: '链接须以 http:// 或 https:// 开头',
};

/** Why a reference does not fit its kind, or null when it does. */
export function evidenceRefProblem(kind: EvidenceKind, ref: string): string | null {
  const value = ref.trim();
  if (kind === 'none') return value ? '选择「无凭证」时不需要填写编号' : null;
  if (!value) return '请填写凭证编号，或选择「无凭证」';
  if (kind === 'patent' && !isPatentApplicationNo(value)) return FORMAT_MESSAGES.patent!;
  if (kind === 'doi' && !isDoi(value)) return FORMAT_MESSAGES.doi!;
  if (kind === 'standard' && !isStandardNo(value)) return FORMAT_MESSAGES.standard!;
  if (kind === 'copyright' && !isSoftwareCopyrightNo(value)) return FORMAT_MESSAGES.copyright!;
  if (kind === 'link' && !isLink(value)) return FORMAT_MESSAGES.link!;
  if ((kind === 'report' || kind === 'contract') && value.length < 2) return '凭证编号至少 2 个字';
  return null;
}
