import { Locale } from './locale';

/**
 * Chinese texts for class-validator constraints, keyed by constraint name. English uses class-validator's own
 * message, which already names the property.
 */
const ZH: Record<string, string> = {
  isNotEmpty: '{field} 不能为空',
  isString: '{field} 必须是字符串',
  isInt: '{field} 必须是整数',
  isNumber: '{field} 必须是数字',
  min: '{field} 太小',
  max: '{field} 太大',
  maxLength: '{field} 太长',
  minLength: '{field} 太短',
  isIn: '{field} 不是允许的取值',
  isEnum: '{field} 不是允许的取值',
  isISO8601: '{field} 必须是 ISO 8601 日期时间',
  isUUID: '{field} 必须是 UUID',
  isBoolean: '{field} 必须是布尔值',
  whitelistValidation: '不允许的字段 {field}',
  isTimeZone: '{field} 必须是 IANA 时区',
  isLocale: '{field} 必须是语言标签',
  isISO4217CurrencyCode: '{field} 必须是 ISO 4217 货币代码',
  matches: '{field} 格式不正确',
};

export function validationMessage(
  locale: Locale,
  constraint: string,
  field: string,
  english: string,
): string {
  if (locale === 'en') return english;
  const template = ZH[constraint];
  return template ? template.replace('{field}', field) : english;
}
