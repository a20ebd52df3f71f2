import { useState } from 'react';
import { clearStored, loadStored, saveStored } from '@/services/draft-storage';

/**
 * A form's state kept on the phone under `name` as it is typed: restored when the page opens again
 * (after a reload or a closed app), cleared once the form has been sent.
 */
export function useStoredDraft<T>(name: string, blank: T) {
  const [stored] = useState(() => loadStored<T>(name));
  const [value, setValue] = useState<T>(stored ?? blank);
  const [restored, setRestored] = useState(stored !== null);
  const update = (next: T) => {
    setValue(next);
    saveStored(name, next);
  };
  /** Fill in defaults the page computed (not something the user typed, so not kept). */
  const prefill = (next: T) => setValue(next);
  /** After a successful send: nothing left to restore. */
  const clear = () => {
    clearStored(name);
    setRestored(false);
  };
  /** The user chose to start over. */
  const discard = () => {
    clear();
    setValue(blank);
  };
  return { value, update, prefill, restored, clear, discard };
}
