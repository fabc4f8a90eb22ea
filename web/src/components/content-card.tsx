import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from './use-is-phone.ts';

/** The white panel a list page sits in; tighter on a phone so tables keep their width. */
export function ContentCard({ children }: { children: ReactNode }) {
  const isPhone = useIsPhone();
  return <Card styles={{ body: { padding: isPhone ? 12 : 24 } }}>{children}</Card>;
}
