import { useState } from 'react';
import type * as v from 'valibot';
import { validateForm, type FieldErrors } from '@core/validate';
import { toastFailure } from './feedback';

/**
 * Checks a form against its shared schema before anything is sent or asked: every invalid field
 * gets its message beside it, and one toast says how many need fixing.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  function check<S extends v.GenericSchema<unknown, unknown>>(schema: S, raw: unknown): v.InferOutput<S> | null {
    const result = validateForm(schema, raw);
    if (result.ok) {
      setErrors({});
      return result.data;
    }
    const fields = 'fields' in result ? result.fields : {};
    setErrors(fields);
    const count = Object.keys(fields).length;
    toastFailure({ ...result, message: count > 1 ? `有 ${count} 处需要修改，见红色提示` : result.message });
    return null;
  }
  return { errors, check, setErrors };
}
