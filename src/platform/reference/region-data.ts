import type { Translations } from '../db/columns.ts';

export interface RegionSeed {
  code: string;
  parentCode: string | null;
  level: 'country' | 'subdivision';
  name: Translations;
}

// ISO 3166-1 alpha-2: the countries a Chinese trading company meets most. Hong Kong and Macao are
// listed as economies too because addresses, customs and banks use HK and MO as country codes.
const countries: Array<[string, string, string]> = [
  ['CN', '中国', 'China'],
  ['HK', '中国香港', 'Hong Kong, China'],
  ['MO', '中国澳门', 'Macao, China'],
  ['US', '美国', 'United States'],
  ['GB', '英国', 'United Kingdom'],
  ['DE', '德国', 'Germany'],
  ['FR', '法国', 'France'],
  ['IT', '意大利', 'Italy'],
  ['ES', '西班牙', 'Spain'],
  ['NL', '荷兰', 'Netherlands'],
  ['CH', '瑞士', 'Switzerland'],
  ['JP', '日本', 'Japan'],
  ['KR', '韩国', 'Republic of Korea'],
  ['SG', '新加坡', 'Singapore'],
  ['MY', '马来西亚', 'Malaysia'],
  ['TH', '泰国', 'Thailand'],
  ['VN', '越南', 'Viet Nam'],
  ['ID', '印度尼西亚', 'Indonesia'],
  ['PH', '菲律宾', 'Philippines'],
  ['IN', '印度', 'India'],
  ['AU', '澳大利亚', 'Australia'],
  ['NZ', '新西兰', 'New Zealand'],
  ['CA', '加拿大', 'Canada'],
  ['MX', '墨西哥', 'Mexico'],
  ['BR', '巴西', 'Brazil'],
  ['RU', '俄罗斯', 'Russian Federation'],
  ['AE', '阿联酋', 'United Arab Emirates'],
  ['SA', '沙特阿拉伯', 'Saudi Arabia'],
  ['TR', '土耳其', 'Türkiye'],
  ['ZA', '南非', 'South Africa'],
];

// ISO 3166-2:CN, the 34 provincial-level divisions: 23 provinces, 5 autonomous regions,
// 4 municipalities and 2 special administrative regions.
const chinaDivisions: Array<[string, string, string]> = [
  ['CN-BJ', '北京市', 'Beijing'],
  ['CN-TJ', '天津市', 'Tianjin'],
  ['CN-HE', '河北省', 'Hebei'],
  ['CN-SX', '山西省', 'Shanxi'],
  ['CN-NM', '内蒙古自治区', 'Inner Mongolia'],
  ['CN-LN', '辽宁省', 'Liaoning'],
  ['CN-JL', '吉林省', 'Jilin'],
  ['CN-HL', '黑龙江省', 'Heilongjiang'],
  ['CN-SH', '上海市', 'Shanghai'],
  ['CN-JS', '江苏省', 'Jiangsu'],
  ['CN-ZJ', '浙江省', 'Zhejiang'],
  ['CN-AH', '安徽省', 'Anhui'],
  ['CN-FJ', '福建省', 'Fujian'],
  ['CN-JX', '江西省', 'Jiangxi'],
  ['CN-SD', '山东省', 'Shandong'],
  ['CN-HA', '河南省', 'Henan'],
  ['CN-HB', '湖北省', 'Hubei'],
  ['CN-HN', '湖南省', 'Hunan'],
  ['CN-GD', '广东省', 'Guangdong'],
  ['CN-GX', '广西壮族自治区', 'Guangxi'],
  ['CN-HI', '海南省', 'Hainan'],
  ['CN-CQ', '重庆市', 'Chongqing'],
  ['CN-SC', '四川省', 'Sichuan'],
  ['CN-GZ', '贵州省', 'Guizhou'],
  ['CN-YN', '云南省', 'Yunnan'],
  ['CN-XZ', '西藏自治区', 'Xizang'],
  ['CN-SN', '陕西省', 'Shaanxi'],
  ['CN-GS', '甘肃省', 'Gansu'],
  ['CN-QH', '青海省', 'Qinghai'],
  ['CN-NX', '宁夏回族自治区', 'Ningxia'],
  ['CN-XJ', '新疆维吾尔自治区', 'Xinjiang'],
  ['CN-TW', '台湾省', 'Taiwan'],
  ['CN-HK', '香港特别行政区', 'Hong Kong SAR'],
  ['CN-MO', '澳门特别行政区', 'Macao SAR'],
];

export const regionSeed: RegionSeed[] = [
  ...countries.map(
    ([code, zh, en]): RegionSeed => ({
      code,
      parentCode: null,
      level: 'country',
      name: { 'zh-CN': zh, en },
    }),
  ),
  ...chinaDivisions.map(
    ([code, zh, en]): RegionSeed => ({
      code,
      parentCode: 'CN',
      level: 'subdivision',
      name: { 'zh-CN': zh, en },
    }),
  ),
];
