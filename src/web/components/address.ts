/**
 * An updater for react-router's `setSearchParams` that changes some of the page's filters in the
 * address. It starts from the address as it is now, not from the parameters of the last render that
 * react-router hands an updater: two changes in quick succession would otherwise lose the first.
 * An empty or null value removes the filter.
 */
export function addressWith(changes: Record<string, string | null | undefined>) {
  return () => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return next;
  };
}
