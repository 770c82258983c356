import { useState } from 'react';

/** Runs a user's action (an upload, an import) and keeps its failure for the page to show. */
export function useAction(): { error: unknown; run: (work: () => Promise<void>) => Promise<void> } {
  const [error, setError] = useState<unknown>();
  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    }
  };
  return { error, run };
}
