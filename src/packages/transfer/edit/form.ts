import type { TransferKind } from '@core/need-rules';
import type { BasisOption } from '@core/views';
import type { FieldErrors } from '@core/validate';

/** What the form holds as typed (kept on the phone): the amount stays text until it is sent. */
export type TransferFormValue = {
  /** `${kind}:${id}` of the BasisOption, '' while nothing is picked. */
  basis: string;
  kind: TransferKind | '';
  contractNo: string;
  transferor: string;
  transferee: string;
  amount: string;
  signedOn: string;
};

export const BLANK: TransferFormValue = { basis: '', kind: '', contractNo: '', transferor: '', transferee: '', amount: '', signedOn: '' };

/** One line under each kind, so the leader picks the one the contract actually is. */
export const KIND_HINTS: Record<TransferKind, string> = {
  assign: '成果的所有权（如专利权）转归企业',
  license: '企业获得实施许可，所有权仍归成果方',
  equity: '以成果作价出资，换取企业股权',
  service: '以成果为企业提供技术开发、咨询或服务',
};

export const basisKey = (option: Pick<BasisOption, 'kind' | 'id'>) => `${option.kind}:${option.id}`;

export function parseBasis(key: string): { kind: BasisOption['kind']; id: string } | undefined {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  return kind === 'achievement' || kind === 'challenge' ? { kind, id: key.slice(at + 1) } : undefined;
}

/** Only digits reach the amount (the keyboard is digits already; pasted text may not be). */
export const digitsOnly = (text: string) =>
  text
    .replace(/\D/g, '')
    .replace(/^0+(?=\d)/, '')
    .slice(0, 10);

/** The input the server takes, from what was typed; unset fields stay undefined so the schema names them. */
export function toInput(value: TransferFormValue, teamId: string, requestId: string) {
  return {
    teamId,
    basis: parseBasis(value.basis),
    kind: value.kind || undefined,
    contractNo: value.contractNo,
    transferor: value.transferor,
    transferee: value.transferee,
    amount: value.amount === '' ? undefined : Number(value.amount),
    signedOn: value.signedOn || undefined,
    requestId,
  };
}

/** What the schema cannot know: the date is not after today, and an empty amount asks for one. */
export function extraErrors(value: TransferFormValue, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (value.amount === '') errors.amount = '请填写合同金额（元）';
  if (value.signedOn && value.signedOn > today) errors.signedOn = '签订日期不能晚于今天';
  return errors;
}
