import { useEffect } from 'react';

export const PRODUCT_NAME = 'Planboard';

/** Sets `document.title` to "<page> · Planboard" while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}
