import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, LOCALES, type Locale, setLocale } from '../i18n/index.ts';

/** 中文 / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const label = LOCALES.find((option) => option.value === locale)?.label ?? locale;

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((option) => ({ key: option.value, label: option.label, lang: option.value })),
        onClick: ({ key }) => void setLocale(key as Locale),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('header.language')}
        data-testid="language-switch"
      >
        {compact ? null : label}
      </Button>
    </Dropdown>
  );
}
