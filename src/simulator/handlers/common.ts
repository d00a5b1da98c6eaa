import { armError, asrError, ASR_ERROR_CODES } from '../errors';
import type { HandlerContext, Params, SimRequest } from '../http-types';
import { vaultKeyOf } from '../state/store';

/** Checks subscription, resource group and vault of the path; returns the vault's key. */
export function vaultKeyFromParams(hc: HandlerContext, p: Params): string {
  const v = hc.store.vault(p.sub, p.rg, p.vault);
  return vaultKeyOf(v.subscriptionId, v.resourceGroup, v.name);
}

/** The request body as JSON; a body that isn't JSON is refused the way ARM does. */
export function jsonBody(req: SimRequest): Record<string, unknown> {
  const raw = req.rawBody;
  if (raw === undefined || raw.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw armError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${(e as Error).message}'.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw armError(400, 'InvalidRequestContent', 'The request content must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

export function objectAt(obj: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = obj[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function stringAt(obj: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = obj?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function badInput(message: string, causes: string, action: string, code: string = ASR_ERROR_CODES.invalidProviderInput): Error {
  return asrError(400, { code, message, possibleCauses: causes, recommendedAction: action });
}

/** ARM names and ids compare case-insensitively. */
export function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
