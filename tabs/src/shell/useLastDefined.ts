import { useState } from 'react';

/**
 * The last non-null value: dialogs and drawers keep showing what they were opened for while
 * their close animation runs, after the caller has already cleared it.
 */
export function useLastDefined<T>(value: T | null | undefined): T | undefined {
  const [last, setLast] = useState<T | undefined>(value ?? undefined);
  if (value != null && value !== last) setLast(value);
  return value ?? last;
}
