import { useEffect, useRef } from 'react';

/**
 * Calls `onVisible` whenever the returned ref's element scrolls into view (infinite scroll).
 * Without IntersectionObserver nothing happens: callers keep a "Load more" button as well.
 */
export function useOnVisible<T extends Element>(onVisible: () => void, isEnabled: boolean) {
  const ref = useRef<T>(null);
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element || !isEnabled || typeof IntersectionObserver === 'undefined') {
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          callback.current();
        }
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [isEnabled]);
  return ref;
}
