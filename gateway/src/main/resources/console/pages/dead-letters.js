// Dead letters: notifications every delivery attempt failed for. An admin replays them once the cause is
// fixed; an operator sees them only (and the gateway refuses an operator's replay anyway).
import {getJson, isAdmin, postJson} from '../api.js';
import {el, errorBox, heading, table, time} from '../view.js';

function replayButton(entry, status) {
  const button = el('button', {type: 'button', class: 'replay', dataset: {messageId: entry.messageId},
    'aria-label': `Replay ${entry.messageId} to ${entry.partner}`}, 'Replay');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const result = await postJson(`/api/v1/admin/dead-letters/${encodeURIComponent(entry.partner)}/replay`,
        {messageIds: [entry.messageId]});
      status.textContent = result.replayed.includes(entry.messageId)
        ? `${entry.messageId} went back to the queue for ${entry.partner}.`
        : `${entry.messageId} was no longer a dead letter.`;
      button.closest('tr').classList.add('done');
      button.replaceWith(el('span', {}, 'replayed'));
    } catch (e) {
      status.replaceChildren(errorBox(e));
      button.disabled = false;
    }
  });
  return button;
}

export async function render(session) {
  const entries = await getJson('/api/v1/admin/dead-letters');
  const admin = isAdmin(session);
  const status = el('div', {role: 'status', id: 'replay-status', class: 'status'});
  const headers = ['Message id', 'MRN', 'Type', 'Partner', 'Accepted', 'Dead-lettered', 'Last error'];
  const rows = entries.map(d => {
    const cells = [el('a', {href: `#/messages/${encodeURIComponent(d.messageId)}`, class: 'mono'}, d.messageId),
      d.mrn || '–', d.type || '–', d.partner, time(d.acceptedAt), time(d.deadLetteredAt),
      d.lastError ? el('span', {class: 'detail'}, d.lastError) : '–'];
    return admin ? [...cells, replayButton(d, status)] : cells;
  });
  return [heading('Dead letters'),
    el('p', {class: 'hint'}, admin
      ? 'Replay a notification once its partner can take it again: it goes back to the partner\'s queue under the same message id.'
      : 'Replaying is for admins: ask one once the partner can take these again.'),
    status,
    table('Notifications every delivery attempt failed for', admin ? [...headers, 'Action'] : headers, rows,
      'No dead letter: every notification was delivered or is still being tried.')];
}
