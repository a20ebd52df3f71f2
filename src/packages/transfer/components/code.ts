/** A one-time code in groups of four (ABCD-EFGH-JKLM), easier to read out and type; the redeem box drops the dashes. */
export function groupedCode(code: string): string {
  return code.replace(/[^A-Za-z0-9]/g, '').replace(/(.{4})(?=.)/g, '$1-');
}
