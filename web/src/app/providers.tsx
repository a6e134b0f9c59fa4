'use client';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Provider as UrqlProvider, type Client } from 'urql';
import i18n from '../lib/i18n';
import { PrefsProvider } from '../lib/prefs';
import { createDashboardClient, type LinkStatus } from '../lib/urql';
import { LinkStatusContext } from '../ui/shell/link-status';

/** Language, time zone, the GraphQL client (created in the browser only: it needs window). */
export function Providers({ children }: { children: ReactNode }) {
  const [client, setClient] = useState<Client | undefined>(undefined);
  const [status, setStatus] = useState<LinkStatus>('connecting');
  useEffect(() => {
    const { client: c, ws } = createDashboardClient(setStatus);
    setClient(c);
    return () => void ws.dispose();
  }, []);
  return (
    <I18nextProvider i18n={i18n}>
      <PrefsProvider>
        <LinkStatusContext.Provider value={status}>{client ? <UrqlProvider value={client}>{children}</UrqlProvider> : <div className="boot" aria-busy="true" />}</LinkStatusContext.Provider>
      </PrefsProvider>
    </I18nextProvider>
  );
}
