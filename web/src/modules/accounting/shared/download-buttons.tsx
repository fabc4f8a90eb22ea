import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { buildUrl, type Query } from '../../../api/client.ts';

/** CSV and XLSX of a report: the same URL with `?format=`; the browser downloads it with the session cookie. */
export function DownloadButtons({
  path,
  query,
  disabled,
}: {
  path: string;
  query: Query;
  disabled?: boolean;
}) {
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          href={disabled ? undefined : buildUrl(path, { ...query, format })}
          disabled={disabled}
          data-testid={`download-${format}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </>
  );
}
