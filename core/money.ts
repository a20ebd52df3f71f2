/** Amounts of money as people read them: whole yuan under 1 万, 万元 from there (技术合同成交额 is counted in 万元). */

/** Digits in groups of three; written out because Intl is not complete on every mini-program runtime. */
function grouped(whole: number): string {
  return String(Math.trunc(Math.abs(whole))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 「9,800 元」, 「120 万元」, 「123.46 万元」: at most two decimals of 万, never a trailing 「.00」. */
export function formatYuan(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const yuan = Math.round(Math.abs(amount));
  if (yuan < 10_000) return `${sign}${grouped(yuan)} 元`;
  const cents = Math.round(yuan / 100); // hundredths of 万
  const fraction = String(cents % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${grouped(cents / 100)}${fraction ? `.${fraction}` : ''} 万元`;
}

/** The exact amount, as written on the contract: 「1,200,000 元」. */
export const formatYuanExact = (amount: number): string => `${amount < 0 ? '-' : ''}${grouped(Math.round(amount))} 元`;
