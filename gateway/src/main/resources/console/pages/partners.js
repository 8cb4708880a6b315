// The partners: is each one being sent to (its circuit), how did it go lately, what waits for it, and how long
// its certificate still holds.
import {getJson} from '../api.js';
import {badge, el, heading, table, time} from '../view.js';

function days(n) {
  if (n === undefined || n === null) {
    return '–';
  }
  const text = n < 0 ? `expired ${-n} days ago` : `${n} days`;
  return n < 30 ? el('span', {class: 'badge bad'}, text) : text;
}

export async function render() {
  const partners = await getJson('/api/v1/admin/partners');
  return [heading('Partners'),
    table('Partner gateways', ['Partner', 'Circuit', 'Since', 'Failures in a row', 'Queue depth', 'Dead letters',
      'Last success', 'Last error', 'Certificate days left'],
    partners.map(p => [p.partner, badge(p.state), time(p.since), p.consecutiveFailures, p.queueDepth ?? '–',
      p.deadLetters ?? '–', time(p.lastSuccess),
      p.lastError ? el('span', {}, time(p.lastErrorAt), ': ', el('span', {class: 'detail'}, p.lastError)) : '–',
      days(p.certificateDaysLeft)]),
    'No partner is configured.')];
}
