import type { Field } from '@core/fields';
import type { BudgetRange, NeedVisibility } from '@core/need-rules';
import type { FieldErrors } from '@core/validate';
import type { NeedDetail } from '@core/views/need';

/** The need form as typed (and as kept on the phone). */
export type NeedFormValue = {
  enterpriseId: string;
  title: string;
  field: Field | '';
  problem: string;
  targets: string;
  timeline: string;
  budget: BudgetRange;
  visibility: NeedVisibility;
  contactName: string;
  contactPhone: string;
};

export function blankNeed(enterpriseId: string, contact: { realName: string; phone: string } | null): NeedFormValue {
  return {
    enterpriseId,
    title: '',
    field: '',
    problem: '',
    targets: '',
    timeline: '',
    budget: '',
    visibility: 'public',
    contactName: contact?.realName ?? '',
    contactPhone: contact?.phone ?? '',
  };
}

export function fromDetail(need: NeedDetail): NeedFormValue {
  return {
    enterpriseId: need.enterpriseId,
    title: need.title,
    field: need.field,
    problem: need.problem,
    targets: need.targets,
    timeline: need.timeline,
    budget: need.budget,
    visibility: need.visibility,
    contactName: need.contactName ?? '',
    contactPhone: need.contactPhone ?? '',
  };
}

/** Each field's label as the shared schema names it in its messages. */
const LABELS: [keyof NeedFormValue, string][] = [
  ['title', '需求名称'],
  ['field', '所属领域'],
  ['problem', '问题与现状'],
  ['targets', '目标指标'],
  ['timeline', '期望周期'],
  ['budget', '预算范围'],
  ['visibility', '公开范围'],
  ['contactName', '联系人'],
  ['contactPhone', '手机号'],
];

/** A refusal from the server that names a field goes beside that field; otherwise nothing is marked. */
export function serverFieldError(message: string): FieldErrors {
  const named = LABELS.find(([, label]) => message.includes(label));
  return named ? { [named[0]]: message } : {};
}
