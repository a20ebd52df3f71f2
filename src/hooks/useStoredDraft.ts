import { useEffect, useRef, useState } from 'react';
import { clearStored, loadStored, saveStored } from '@/services/draft-storage';
import { newRequestId } from '@/services/request-id';

type Stored<T> = { value: T; requestId: string };

/**
 * A new form's state kept on the phone under `name` as it is typed: restored when the page opens
 * again (after a reload or a closed app), cleared once the form has been sent. The request id is kept
 * with it, so a send that reached the server before the connection dropped is not applied twice.
 * With no name (editing a record the server already holds) nothing is kept: the server's copy is newer.
 *
 * `defaults` are what the page computes once its data has loaded (a team's members, a saved record):
 * a fresh form takes them the first time they arrive, a restored one keeps what was typed, and
 * starting over returns to them. Data reloaded later never overwrites the form.
 */
export function useStoredDraft<T>(name: string | null, blank: T, defaults: T | null = null) {
  const [stored] = useState(() => (name ? loadStored<Stored<T>>(name) : null));
  const [value, setValue] = useState<T>(stored?.value ?? blank);
  const [requestId, setRequestId] = useState(() => stored?.requestId ?? newRequestId());
  const [restored, setRestored] = useState(stored !== null);
  const defaultsApplied = useRef(false);

  useEffect(() => {
    if (defaults === null || defaultsApplied.current) return;
    defaultsApplied.current = true;
    if (!restored) setValue(defaults);
  }, [defaults, restored]);

  const update = (next: T) => {
    setValue(next);
    if (name) saveStored<Stored<T>>(name, { value: next, requestId });
  };
  /** After a successful send: nothing left to restore, and the next form is a new request. */
  const clear = () => {
    if (name) clearStored(name);
    setRestored(false);
    setRequestId(newRequestId());
  };
  /** The user chose to start over. */
  const discard = () => {
    clear();
    setValue(defaults ?? blank);
  };
  return { value, update, requestId, restored, clear, discard };
}
