// Errors from Azure Resource Manager and Site Recovery, reduced to what a person can act on:
// code, message, possible causes, recommended action. Never a stack trace, never a token.

export interface ServiceErrorInfo {
  code?: string;
  message: string;
  possibleCauses?: string;
  recommendedAction?: string;
  status?: number;
}

const BEARER = /(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi;
const AUTH_HEADER = /("?authorization"?\s*[:=]\s*"?)[^"\s,}]+(\s+[^"\s,}]+)?/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const ACCESS_TOKEN_FIELD = /("?(?:access_?token|refresh_?token|id_?token|client_?secret)"?\s*[:=]\s*"?)[^"\s,}]+/gi;

/** Removes bearer tokens, JWTs and Authorization values from any text before it is shown or logged. */
export function redact(text: string): string {
  return text.replace(BEARER, '$1[redacted]').replace(AUTH_HEADER, '$1[redacted]').replace(ACCESS_TOKEN_FIELD, '$1[redacted]').replace(JWT, '[redacted-token]');
}

type Loose = Record<string, unknown> | undefined;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Reads an ARM error body ({error:{code,message,possibleCauses,recommendedAction,details}}). */
export function fromArmBody(body: unknown, status?: number): ServiceErrorInfo | undefined {
  const root = (body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined) as Loose;
  const err = (root?.error ?? root) as Loose;
  if (!err) return undefined;
  const details = Array.isArray(err.details) ? (err.details[0] as Loose) : undefined;
  const message = str(err.message) ?? str(details?.message);
  if (!message) return undefined;
  return {
    code: str(err.code),
    message: redact(message),
    possibleCauses: str(err.possibleCauses) ?? str(details?.possibleCauses),
    recommendedAction: str(err.recommendedAction) ?? str(details?.recommendedAction),
    status,
  };
}

/** Best effort for anything thrown by the SDK (RestError) or our own code. */
export function describeError(error: unknown): ServiceErrorInfo {
  const e = error as { statusCode?: number; code?: string; message?: string; details?: unknown; response?: { bodyAsText?: string | null } };
  if (e && typeof e === 'object') {
    const fromDetails = fromArmBody(e.details, e.statusCode);
    if (fromDetails) return fromDetails;
    const text = e.response?.bodyAsText;
    if (text) {
      try {
        const fromText = fromArmBody(JSON.parse(text), e.statusCode);
        if (fromText) return fromText;
      } catch {
        // Not JSON: fall through to the message.
      }
    }
    // The SDK's parse error quotes the whole response body: unreadable in a notification.
    if (e.code === 'PARSE_ERROR') {
      return { code: e.code, message: 'Azure sent a response that could not be read (malformed JSON). Refresh and try again.', status: e.statusCode };
    }
    const message = typeof e.message === 'string' && e.message ? e.message : String(error);
    return { code: typeof e.code === 'string' ? e.code : undefined, message: redact(message), status: e.statusCode };
  }
  return { message: redact(String(error)) };
}

export function isAuthError(info: ServiceErrorInfo): boolean {
  return info.status === 401 || /ExpiredAuthenticationToken|AuthenticationFailed|InvalidAuthenticationToken/i.test(info.code ?? '');
}

/** One line for a notification: "Code: message". */
export function errorSummary(info: ServiceErrorInfo): string {
  return info.code ? `${info.code}: ${info.message}` : info.message;
}

/** Several lines for the output channel or a modal's detail. */
export function errorDetail(info: ServiceErrorInfo): string {
  const lines = [errorSummary(info)];
  if (info.possibleCauses) lines.push(`Possible causes: ${redact(info.possibleCauses)}`);
  if (info.recommendedAction) lines.push(`Recommended action: ${redact(info.recommendedAction)}`);
  return lines.join('\n');
}
