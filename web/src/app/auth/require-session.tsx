import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '../../api/errors.ts';
import { FullPageSpin } from '../../components/full-page-spin.tsx';
import { SessionContext, useSessionQuery } from './session.tsx';

/** Renders its children only for a signed-in person; everyone else goes to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSessionQuery();

  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(t, session.error)}
        extra={
          <Button type="primary" onClick={() => session.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!session.data) {
    const here = location.pathname + location.search;
    const target = here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={target} replace />;
  }
  return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;
}
