// Calls to the gateway's API with the console's session cookie. Every call says it comes from the console
// (no Basic challenge comes back, so the browser opens no password dialog of its own); a state-changing one
// carries the session's anti-CSRF token. A lapsed session sends the operator back to the login page.
const CONSOLE = {'X-C2C-Console': '1', 'Accept': 'application/json'};
let session;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function toLogin() {
  location.assign('login.html');
  return new ApiError(401, 'Your session has ended: log in again.');
}

async function failure(response) {
  if (response.status === 401) {
    return toLogin();
  }
  const body = await response.json().catch(() => ({}));
  return new ApiError(response.status, body.message || body.error || `HTTP ${response.status}`);
}

/** Who is logged in ({user, role, csrfToken}); asked once per page load. */
export async function currentSession() {
  if (!session) {
    const response = await fetch('session', {headers: CONSOLE, credentials: 'same-origin'});
    if (!response.ok) {
      throw await failure(response);
    }
    session = await response.json();
  }
  return session;
}

export function isAdmin(s) {
  return s.role.split(',').includes('admin');
}

/** GET a JSON resource; {@code params} become the query string, empty values left out. */
export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(name, value);
    }
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, {headers: CONSOLE, credentials: 'same-origin'});
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

/** POST a JSON body, with the anti-CSRF token; answers the JSON reply, if any. */
export async function postJson(path, body) {
  const {csrfToken} = await currentSession();
  const response = await fetch(path, {
    method: 'POST',
    headers: {...CONSOLE, 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken},
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.status === 204 ? null : response.json().catch(() => null);
}
