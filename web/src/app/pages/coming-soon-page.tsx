import { RocketOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

export function ComingSoonPage({ moduleKey }: { moduleKey: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      icon={<RocketOutlined style={{ color: '#1668dc' }} />}
      title={t('comingSoon.title', { module: t(`nav.${moduleKey}`) })}
      subTitle={
        <>
          {t(`modules.${moduleKey}`)}
          <br />
          {t('comingSoon.body')}
        </>
      }
      extra={
        <Button type="primary" onClick={() => navigate('/dashboard')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
