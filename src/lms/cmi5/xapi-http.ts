/**
 * The few xAPI requests the AU makes itself (cmi5.js does the launch handshake): statements in
 * order, and the course's own state document. Each answers with an HTTP status, 0 when the
 * network failed, so the outbox can decide what to do without catching anything.
 */
import type { Agent, Statement } from './statement-types.ts';

export const XAPI_VERSION = '1.0.3';

export interface XapiTarget {
  endpoint: string;
  auth: string;
  actor: Agent;
  activityId: string;
  registration: string;
}

export interface XapiTransport {
  postStatements(statements: readonly Statement[], keepalive: boolean): Promise<number>;
  putState(stateId: string, document: unknown, keepalive: boolean): Promise<number>;
  getState(stateId: string): Promise<{ status: number; document?: unknown }>;
}

function headers(auth: string, json: boolean): Record<string, string> {
  return { 'X-Experience-API-Version': XAPI_VERSION, Authorization: auth, ...(json ? { 'Content-Type': 'application/json' } : {}) };
}

async function status(request: Promise<Response>): Promise<number> {
  try {
    return (await request).status;
  } catch {
    return 0; // offline, DNS, CORS, aborted: the network, not the LRS
  }
}

export function httpTransport(target: XapiTarget, fetchImpl: typeof fetch = (...args) => fetch(...args)): XapiTransport {
  const base = target.endpoint.replace(/\/+$/, '');
  const stateUrl = (stateId: string) =>
    `${base}/activities/state?${new URLSearchParams({ stateId, activityId: target.activityId, agent: JSON.stringify(target.actor), registration: target.registration })}`;
  return {
    postStatements: (statements, keepalive) =>
      status(fetchImpl(`${base}/statements`, { method: 'POST', headers: headers(target.auth, true), body: JSON.stringify(statements), keepalive })),
    putState: (stateId, document, keepalive) =>
      status(fetchImpl(stateUrl(stateId), { method: 'PUT', headers: headers(target.auth, true), body: JSON.stringify(document), keepalive })),
    async getState(stateId) {
      try {
        const response = await fetchImpl(stateUrl(stateId), { method: 'GET', headers: headers(target.auth, false) });
        if (response.status !== 200) return { status: response.status };
        return { status: 200, document: (await response.json()) as unknown };
      } catch {
        return { status: 0 };
      }
    },
  };
}
