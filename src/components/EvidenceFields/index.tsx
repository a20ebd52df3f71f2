import { Input } from '@nutui/nutui-react-taro';
import { EVIDENCE_KINDS, EVIDENCE_LABELS, EVIDENCE_PLACEHOLDERS, type EvidenceKind } from '@core/evidence';
import { FormRow, SelectField } from '../FormRow';

export type EvidenceFieldsProps = {
  kind: EvidenceKind;
  reference: string;
  /** What is wrong with the reference, if anything. */
  error?: string;
  onChange: (changes: { kind?: EvidenceKind; reference?: string }) => void;
};

const EVIDENCE_OPTIONS = EVIDENCE_KINDS.map((kind) => ({ id: kind, name: EVIDENCE_LABELS[kind] }));

/** A checkable reference: its kind, then the number in that kind's format (none asks for nothing). */
export function EvidenceFields({ kind, reference, error, onChange }: EvidenceFieldsProps) {
  return (
    <>
      <FormRow label='凭证类型'>
        <SelectField options={EVIDENCE_OPTIONS} value={kind} placeholder='请选择' onPick={(picked) => onChange({ kind: picked })} />
      </FormRow>
      {kind === 'none' ? null : (
        <FormRow label={EVIDENCE_LABELS[kind]} required error={error}>
          <Input
            value={reference}
            onChange={(value) => onChange({ reference: value })}
            placeholder={EVIDENCE_PLACEHOLDERS[kind]}
            maxLength={200}
          />
        </FormRow>
      )}
    </>
  );
}
