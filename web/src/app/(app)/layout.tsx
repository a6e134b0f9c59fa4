'use client';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { SessionProvider } from '../../lib/session';
import { AppShell } from '../../ui/shell/app-shell';
import { ErrorBox, Loading } from '../../ui/states';

const MeQuery = graphql(`
  query Me {
    me {
      username
      role
    }
  }
`);

/** Every page but login: the signed-in user (or off to the login page) and the shell. */
export default function AppLayout({ children }: { children: ReactNode }) {
  const [{ data, error, fetching }] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  if (data?.me) {
    return (
      <SessionProvider user={data.me}>
        <AppShell>{children}</AppShell>
      </SessionProvider>
    );
  }
  if (error && !fetching) return <ErrorBox error={error} />;
  return <Loading />;
}
