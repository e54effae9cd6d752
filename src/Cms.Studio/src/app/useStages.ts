import { startTransition, useEffect, useState } from 'react';

/**
 * Shows a large screen in stages: the first at once, each next in a task of its own after the previous was committed,
 * so the browser paints and answers input between them instead of running one long task (on a slow phone the editor's
 * whole form at once blocked the page for about a second). Returns how many stages to show.
 */
export function useStages(count: number, ready: boolean): number {
  const [stage, setStage] = useState(1);
  useEffect(() => {
    if (!ready || stage >= count) {
      return undefined;
    }
    const timer = window.setTimeout(() => startTransition(() => setStage((current) => current + 1)), 0);
    return () => window.clearTimeout(timer);
  }, [ready, stage, count]);
  return stage;
}
