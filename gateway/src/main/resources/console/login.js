// The login form: the password goes to the gateway once and comes back as a session cookie (HttpOnly), which
// the console's pages then present instead of it.
const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');

function refuse(message) {
  error.textContent = message;
  error.hidden = false;
  document.getElementById('password').value = '';
  document.getElementById('password').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = form.username.value.trim();
  const password = form.password.value;
  if (!username || !password) {
    refuse('Enter your user name and your password.');
    return;
  }
  submit.disabled = true;
  error.hidden = true;
  try {
    const response = await fetch('login', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-C2C-Console': '1'},
      body: JSON.stringify({username, password}),
      credentials: 'same-origin',
    });
    if (response.ok) {
      location.assign('index.html');
      return;
    }
    const body = await response.json().catch(() => ({}));
    refuse(body.message || `The login failed (HTTP ${response.status}).`);
  } catch (e) {
    refuse('The gateway cannot be reached.');
  } finally {
    submit.disabled = false;
  }
});
