// Defence in depth for what a run keeps: records go to globalState and into reports that people
// pass around, so before either, every string loses anything that looks like a credential
// (bearer tokens, Authorization values, JWTs, SAS signatures, account keys) and every field
// named like one is dropped. The record is also reduced to plain JSON data on the way.
import { redact } from '../errors';

const SAS_SIGNATURE = /([?&;]sig=)[^&\s"'<>]+/gi;
const SHARED_ACCESS_SIGNATURE = /(SharedAccessSignature\s+)\S+/gi;
const CONNECTION_KEY = /\b((?:Account|SharedAccess)Key|Password|Pwd)=[^;\s"']+/gi;

/** Field names whose values are credentials whatever they hold: dropped from stored records. */
const SECRET_FIELD =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-ms-authorization-auxiliary|(access|refresh|id|sas)_?token|token|client_?secret|secret|password|account_?key|sig|signature)$/i;

/** A string with every token-like part replaced by "[redacted]". */
export function scrubText(text: string): string {
  return redact(text)
    .replace(SAS_SIGNATURE, '$1[redacted]')
    .replace(SHARED_ACCESS_SIGNATURE, '$1[redacted]')
    .replace(CONNECTION_KEY, (_m, key: string) => `${key}=[redacted]`);
}

/**
 * A copy holding only JSON data, every string scrubbed, credential-named fields dropped: Dates
 * become ISO strings; undefined, null, functions, non-finite numbers and cycles are left out.
 */
export function storable<T>(value: T): T {
  return clean(value, new WeakSet<object>()) as T;
}

function clean(value: unknown, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return scrubText(value);
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return value;
    case 'object': {
      if (value === null) return undefined;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
      if (seen.has(value)) return undefined;
      seen.add(value);
      try {
        if (Array.isArray(value)) return value.map((v) => clean(v, seen)).filter((v) => v !== undefined);
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
          if (SECRET_FIELD.test(k)) continue;
          const c = clean(v, seen);
          if (c !== undefined) out[k] = c;
        }
        return out;
      } finally {
        seen.delete(value);
      }
    }
    default:
      return undefined;
  }
}
