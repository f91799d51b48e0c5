/**
 * Calls the workbench API. When the server was started with a token, the page is opened at
 * `/#token=…`: the token is kept for this tab (sessionStorage), taken out of the address bar,
 * and sent as `Authorization: Bearer` with every request.
 */
const TOKEN_KEY = 'criteria-workbench:token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

function readToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]!);
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = readToken();

export async function callApi<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
  const data = (await response.json().catch(() => null)) as { errors?: Array<{ code?: string; message?: string }> } | null;
  if (!response.ok) {
    const error = data?.errors?.[0];
    const message =
      response.status === 401
        ? 'the server needs a token: open the address it printed (with #token=…)'
        : (error?.message ?? `the server answered ${response.status}`);
    throw new ApiError(response.status, error?.code ?? String(response.status), message, data);
  }
  return data as T;
}
