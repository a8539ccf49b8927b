import { useEffect } from 'react';

/** Sets the document title for the current page. */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Orbitshare` : 'Orbitshare';
  }, [title]);
}
