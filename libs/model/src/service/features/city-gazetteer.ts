/**
 * City centres for the distance feature. Learners and venues only carry a city name (no addresses: privacy, and
 * most LMSs send nothing finer), so distance is centre-to-centre: 0 within a city, real km between cities. A city
 * missing here gives a null distance (the encoder's missing flag) rather than a guess.
 */
interface City {
  en: string;
  zh: string;
  lat: number;
  lon: number;
}

const CITIES: City[] = [
  { en: 'Shanghai', zh: '上海', lat: 31.2304, lon: 121.4737 },
  { en: 'Beijing', zh: '北京', lat: 39.9042, lon: 116.4074 },
  { en: 'Shenzhen', zh: '深圳', lat: 22.5431, lon: 114.0579 },
  { en: 'Hangzhou', zh: '杭州', lat: 30.2741, lon: 120.1551 },
  { en: 'Guangzhou', zh: '广州', lat: 23.1291, lon: 113.2644 },
  { en: 'Suzhou', zh: '苏州', lat: 31.2989, lon: 120.5853 },
  { en: 'Nanjing', zh: '南京', lat: 32.0603, lon: 118.7969 },
  { en: 'Dongguan', zh: '东莞', lat: 23.0207, lon: 113.7518 },
  { en: 'Chengdu', zh: '成都', lat: 30.5728, lon: 104.0668 },
  { en: 'Chongqing', zh: '重庆', lat: 29.4316, lon: 106.9123 },
  { en: 'Wuhan', zh: '武汉', lat: 30.5928, lon: 114.3055 },
  { en: "Xi'an", zh: '西安', lat: 34.3416, lon: 108.9398 },
  { en: 'Tianjin', zh: '天津', lat: 39.3434, lon: 117.3616 },
  { en: 'Qingdao', zh: '青岛', lat: 36.0671, lon: 120.3826 },
  { en: 'Xiamen', zh: '厦门', lat: 24.4798, lon: 118.0894 },
  { en: 'Changsha', zh: '长沙', lat: 28.2282, lon: 112.9388 },
  { en: 'Hefei', zh: '合肥', lat: 31.8206, lon: 117.2272 },
  { en: 'Ningbo', zh: '宁波', lat: 29.8683, lon: 121.544 },
  { en: 'Wuxi', zh: '无锡', lat: 31.4912, lon: 120.3119 },
  { en: 'Zhengzhou', zh: '郑州', lat: 34.7466, lon: 113.6254 },
  { en: 'Jinan', zh: '济南', lat: 36.6512, lon: 117.12 },
  { en: 'Shenyang', zh: '沈阳', lat: 41.8057, lon: 123.4315 },
  { en: 'Dalian', zh: '大连', lat: 38.914, lon: 121.6147 },
  { en: 'Kunming', zh: '昆明', lat: 25.0389, lon: 102.7183 },
  { en: 'Hong Kong', zh: '香港', lat: 22.3193, lon: 114.1694 },
  { en: 'Taipei', zh: '台北', lat: 25.033, lon: 121.5654 },
  { en: 'Singapore', zh: '新加坡', lat: 1.3521, lon: 103.8198 },
  { en: 'Berlin', zh: '柏林', lat: 52.52, lon: 13.405 },
  { en: 'Potsdam', zh: '波茨坦', lat: 52.391, lon: 13.064 },
  { en: 'Hamburg', zh: '汉堡', lat: 53.551, lon: 9.994 },
  { en: 'Munich', zh: '慕尼黑', lat: 48.137, lon: 11.575 },
  { en: 'Cologne', zh: '科隆', lat: 50.938, lon: 6.96 },
  { en: 'Düsseldorf', zh: '杜塞尔多夫', lat: 51.227, lon: 6.773 },
  { en: 'Frankfurt', zh: '法兰克福', lat: 50.11, lon: 8.682 },
  { en: 'Leipzig', zh: '莱比锡', lat: 51.34, lon: 12.375 },
  { en: 'London', zh: '伦敦', lat: 51.5074, lon: -0.1278 },
  { en: 'Paris', zh: '巴黎', lat: 48.8566, lon: 2.3522 },
  { en: 'New York', zh: '纽约', lat: 40.7128, lon: -74.006 },
  { en: 'San Francisco', zh: '旧金山', lat: 37.7749, lon: -122.4194 },
  { en: 'Tokyo', zh: '东京', lat: 35.6762, lon: 139.6503 },
  { en: 'Seoul', zh: '首尔', lat: 37.5665, lon: 126.978 },
];

// Suggestions measure a thousand sessions per request against a handful of city spellings: normalise each once.
const KEYS = new Map<string, string>();

const BY_NAME = new Map<string, City>();
for (const city of CITIES) {
  BY_NAME.set(key(city.en), city);
  BY_NAME.set(key(city.zh), city);
}

function key(name: string): string {
  let k = KEYS.get(name);
  if (k === undefined) {
    k = name.trim().toLowerCase().normalize('NFC');
    if (KEYS.size >= 10_000) KEYS.clear();
    KEYS.set(name, k);
  }
  return k;
}

function lookup(name: string | null | undefined): City | undefined {
  return name ? BY_NAME.get(key(name)) : undefined;
}

/** Great-circle km between two city centres; 0 for the same city name; null when either is unknown. */
export function cityDistanceKm(from: string | null | undefined, to: string | null | undefined): number | null {
  if (from && to && key(from) === key(to)) return 0;
  const a = lookup(from);
  const b = lookup(to);
  if (!a || !b) return null;
  if (a === b) return 0;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The city's name for a reader ("Shanghai" / "上海"); unknown cities keep their stored spelling. */
export function cityLabel(name: string, locale: 'en' | 'zh-CN'): string {
  const city = lookup(name);
  if (!city) return name;
  return locale === 'zh-CN' ? city.zh : city.en;
}
