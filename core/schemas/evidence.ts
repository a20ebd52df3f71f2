import * as v from 'valibot';
import { EVIDENCE_KINDS, evidenceRefProblem } from '../evidence';
import { optionalUserText } from './common';

/** A checkable reference: its kind and number; defaults to none. */
export const evidence = v.optional(
  v.strictObject(
    {
      kind: v.picklist(EVIDENCE_KINDS, '请选择凭证类型'),
      ref: optionalUserText('凭证编号', 200),
    },
    '凭证格式不正确',
  ),
  { kind: 'none', ref: '' },
);

/** For an object schema with an `evidence` field: the reference must fit its kind's format. */
export function evidenceFitsKind<T extends { evidence: { kind: (typeof EVIDENCE_KINDS)[number]; ref: string } }>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = evidenceRefProblem(dataset.value.evidence.kind, dataset.value.evidence.ref);
    if (problem) addIssue({ message: problem });
  });
}
