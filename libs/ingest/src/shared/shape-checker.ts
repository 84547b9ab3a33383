import { ValidationIssue } from '../validation-issue';
import { IdentifierFormats } from './identifier-formats';
import { parseIsoTimestamp, TimestampZoneRule } from './iso8601-timestamp';

export type JsonObject = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `statements[3]` + `actor` → `statements[3].actor`; keys that are not identifiers are bracket-quoted. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Collects every problem instead of stopping at the first, because a batch is rejected as a whole and the
 * sender should be able to fix all of it in one round trip. Each check returns the typed value or undefined.
 */
export class ShapeChecker {
  readonly issues: ValidationIssue[] = [];

  fail(path: string, reason: string): undefined {
    this.issues.push({ path, reason });
    return undefined;
  }

  /** An object whose keys are all in `allowed` (unknown keys are refused, as an LRS SHOULD*). */
  object(value: unknown, path: string, allowed?: readonly string[], kind = 'object'): JsonObject | undefined {
    if (!isJsonObject(value)) {
      return this.fail(path, `must be ${kind === 'object' ? 'an object' : `an object (${kind})`}, got ${describeJsonType(value)}`);
    }
    if (allowed) {
      for (const key of Object.keys(value)) {
        if (!allowed.includes(key)) {
          this.fail(childPath(path, key), `is not a property of ${kind} (allowed: ${allowed.join(', ')})`);
        }
      }
    }
    return value;
  }

  required(obj: JsonObject, key: string, path: string): unknown {
    const value = obj[key];
    if (value === undefined) this.fail(childPath(path, key), 'is required');
    return value;
  }

  string(value: unknown, path: string): string | undefined {
    if (typeof value !== 'string') return this.fail(path, `must be a string, got ${describeJsonType(value)}`);
    return value;
  }

  nonEmptyString(value: unknown, path: string): string | undefined {
    const text = this.string(value, path);
    if (text !== undefined && text.trim() === '') return this.fail(path, 'must not be empty');
    return text;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value !== 'boolean') return this.fail(path, `must be true or false, got ${describeJsonType(value)}`);
    return value;
  }

  number(value: unknown, path: string): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.fail(path, `must be a number, got ${describeJsonType(value)}`);
    }
    return value;
  }

  iri(value: unknown, path: string): string | undefined {
    const text = this.string(value, path);
    if (text !== undefined && !IdentifierFormats.isIri(text)) {
      return this.fail(path, `must be an absolute IRI with a scheme (e.g. https://example.com/x), got ${JSON.stringify(text)}`);
    }
    return text;
  }

  uuid(value: unknown, path: string): string | undefined {
    const text = this.string(value, path);
    if (text !== undefined && !IdentifierFormats.isUuid(text)) {
      return this.fail(path, `must be a UUID in standard form, got ${JSON.stringify(text)}`);
    }
    return text;
  }

  timestamp(value: unknown, path: string, zone: TimestampZoneRule): Date | undefined {
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    const parsed = parseIsoTimestamp(text, zone);
    return parsed.ok ? parsed.date : this.fail(path, `${parsed.reason}, got ${JSON.stringify(text)}`);
  }

  /** RFC 5646 tag → string map (xAPI language map). */
  languageMap(value: unknown, path: string): JsonObject | undefined {
    const map = this.object(value, path, undefined, 'language map');
    if (!map) return undefined;
    for (const [tag, text] of Object.entries(map)) {
      const keyPath = childPath(path, tag);
      if (!IdentifierFormats.isLanguageTag(tag)) this.fail(keyPath, 'is not an RFC 5646 language tag');
      this.string(text, keyPath);
    }
    return map;
  }

  /** Keys must be IRIs; values are free (xAPI: an LRS MUST NOT reject based on extension values). */
  extensions(value: unknown, path: string): JsonObject | undefined {
    const map = this.object(value, path, undefined, 'extensions');
    if (!map) return undefined;
    for (const key of Object.keys(map)) {
      if (!IdentifierFormats.isIri(key)) this.fail(childPath(path, key), 'extension keys must be IRIs');
    }
    return map;
  }

  array(value: unknown, path: string): unknown[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, `must be an array, got ${describeJsonType(value)}`);
    return value;
  }
}
