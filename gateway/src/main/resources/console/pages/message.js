// One message: what it is, where it stands, and its timeline step by step, with the partner's receipt and the
// partner's signed delivery statuses.
import {getJson} from '../api.js';
import {badge, bytes, el, errorBox, facts, heading, table, time} from '../view.js';

const SHOWN = new Set(['messageId', 'nationalMessageId', 'mrn', 'conversationId', 'type', 'direction', 'partner',
  'status', 'agreement', 'payloadSize', 'payloadSha256', 'receiptStored', 'receipt', 'events', 'createdAt', 'updatedAt', 'partnerStatus']);

function label(name) {
  return name.replace(/([A-Z])/g, ' $1').replace(/^./, c => c.toUpperCase());
}

/** Whatever else the gateway reports about the message (e.g. the partner's delivery status), shown as found. */
function more(timeline) {
  return Object.entries(timeline).filter(([name, value]) => !SHOWN.has(name) && value !== null && value !== undefined)
    .map(([name, value]) => [label(name), typeof value === 'object' ? JSON.stringify(value) : String(value)]);
}

function steps(events) {
  return table('Timeline, oldest first', ['Time', 'Step', 'Node', 'Attempt', 'Detail', 'Agreement'],
    events.map(e => [time(e.at), badge(e.event), e.node || '–', e.attempt ?? '–',
      e.detail ? el('span', {class: 'detail'}, e.detail) : '–', e.agreement || '–']),
    'No step traced yet.');
}

/** The partner's signed delivery statuses: its national system took the notification (outbound messages only). */
function partnerStatus(timeline) {
  const statuses = timeline.partnerStatus || [];
  return [table('Signed delivery statuses from the partner', ['Status', 'Taken at (partner\'s clock)', 'Partner node',
    'Channel', 'Signed by', 'Received here'],
    statuses.map(s => [badge(s.status), time(s.takenAt), s.partnerNode, s.channel,
      el('span', {class: 'detail'}, s.signedBy), time(s.receivedAt)]),
    timeline.direction === 'OUTBOUND' ? 'No delivery status from the partner yet (a partner may send none).'
      : 'This gateway sends the partner the status of an inbound message; the partner keeps it.'),
  ...statuses.map(s => el('details', {class: 'receipt'},
    el('summary', {}, `Evidence of ${s.status} (signed AS4 message ${s.statusMessageId}, base64)`),
    el('pre', {tabindex: '0'}, s.evidence)))];
}

function receipt(timeline) {
  if (timeline.receipt) {
    return el('details', {class: 'receipt'}, el('summary', {}, 'Receipt (signed, as received)'),
      el('pre', {tabindex: '0'}, timeline.receipt));
  }
  return el('p', {}, timeline.receiptStored ? 'A receipt is stored.' : 'No receipt stored.');
}

export async function render(id) {
  const back = el('p', {}, el('a', {href: '#/messages'}, '← Back to the search'));
  let timeline;
  try {
    timeline = await getJson(`/api/v1/messages/${encodeURIComponent(id)}`);
  } catch (e) {
    return [heading('Message'), back, e.status === 404 ? el('p', {role: 'alert'}, `No message ${id} is traced here.`)
      : errorBox(e)];
  }
  return [
    heading(`Message ${timeline.messageId}`), back,
    el('section', {'aria-labelledby': 'summary-title'},
      el('h2', {id: 'summary-title'}, 'Summary'),
      facts([
        ['Status', badge(timeline.status)],
        ['MRN', timeline.mrn], ['Type', timeline.type], ['Direction', timeline.direction],
        ['Partner', timeline.partner], ['National message id', timeline.nationalMessageId],
        ['Conversation id', timeline.conversationId], ['Agreement', timeline.agreement],
        ['Created', time(timeline.createdAt)], ['Last change', time(timeline.updatedAt)],
        ['Payload', `${bytes(timeline.payloadSize)}, SHA-256 ${timeline.payloadSha256 || '–'}`],
        ...more(timeline)])),
    el('section', {'aria-labelledby': 'timeline-title', id: 'timeline'},
      el('h2', {id: 'timeline-title'}, 'Timeline'), steps(timeline.events || [])),
    el('section', {'aria-labelledby': 'receipt-title'},
      el('h2', {id: 'receipt-title'}, 'Receipt'), receipt(timeline)),
    el('section', {'aria-labelledby': 'partner-status-title'},
      el('h2', {id: 'partner-status-title'}, 'The partner\'s national system'), ...partnerStatus(timeline))];
}
