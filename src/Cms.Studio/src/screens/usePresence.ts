import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { StudioLeaveArticleDocument as LeaveMutation, StudioReportPresenceDocument as ReportMutation } from '../gql/graphql';

export interface Visitor {
  actor: string;
  openedAt: string;
}

/**
 * Who else has this article open: this tab reports itself while the editor is open (as often as the server asks) and
 * says it left when the editor closes, so others see it come and go. Off for roles that cannot edit.
 */
export function usePresence(articleId: string, enabled: boolean): Visitor[] {
  const client = useClient();
  const [others, setOthers] = useState<Visitor[]>([]);

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const input = { id: articleId, sessionId: crypto.randomUUID() };
    let timer: number | undefined;
    let stopped = false;
    const report = async () => {
      const result = await client.mutation(ReportMutation, { input }, { requestPolicy: 'network-only' }).toPromise();
      if (stopped) {
        return;
      }
      const payload = result.data?.reportArticlePresence;
      setOthers(payload?.others ?? []);
      timer = window.setTimeout(report, (payload?.reportEverySeconds ?? 15) * 1000);
    };
    void report();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      void client.mutation(LeaveMutation, { input }).toPromise();
    };
  }, [articleId, enabled, client]);

  return others;
}
