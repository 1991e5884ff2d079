import { useEffect } from 'react';

/** "Users · TraceTrack" in the tab and for screen readers announcing the page. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · TraceTrack`;
  }, [title]);
}
