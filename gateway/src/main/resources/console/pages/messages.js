// Message search: the filters live in the address (#/messages?mrn=…), so a search can be bookmarked and shared.
import {getJson} from '../api.js';
import {badge, bytes, el, errorBox, heading, table, time} from '../view.js';

const PAGE_SIZE = 50;
const FIELDS = [
  ['q', 'Free text', 'search', 'any identifier'],
  ['messageId', 'Message id', 'text'],
  ['mrn', 'MRN', 'text'],
  ['partner', 'Partner', 'text', 'e.g. MK'],
  ['type', 'Type', 'text', 'e.g. PreArrivalNotification'],
];
const CHOICES = {
  direction: ['Direction', ['', 'OUTBOUND', 'INBOUND']],
  status: ['Status', ['', 'ACCEPTED', 'QUEUED', 'SENDING', 'DELIVERED_TO_PARTNER', 'FAILED', 'REJECTED', 'DELIVERED',
    'ACKNOWLEDGED', 'UNDELIVERABLE']],
};

function input([name, label, type, placeholder], params) {
  return el('p', {class: 'field'},
    el('label', {for: `f-${name}`}, label),
    el('input', {id: `f-${name}`, name, type, placeholder, value: params.get(name) || ''}));
}

function select(name, params) {
  const [label, options] = CHOICES[name];
  return el('p', {class: 'field'},
    el('label', {for: `f-${name}`}, label),
    el('select', {id: `f-${name}`, name}, options.map(o =>
      el('option', {value: o, selected: (params.get(name) || '') === o}, o || 'any'))));
}

/** A datetime-local value (the operator's local time) for an ISO instant in the address, and back. */
function localValue(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function timeField(name, label, params) {
  return el('p', {class: 'field'},
    el('label', {for: `f-${name}`}, label),
    el('input', {id: `f-${name}`, name, type: 'datetime-local', value: localValue(params.get(name))}));
}

function form(params) {
  const f = el('form', {class: 'filters', role: 'search', 'aria-label': 'Message search'},
    FIELDS.map(field => input(field, params)),
    select('direction', params), select('status', params),
    timeField('from', 'From', params), timeField('to', 'To', params),
    el('p', {class: 'actions'},
      el('button', {type: 'submit', id: 'search'}, 'Search'),
      el('button', {type: 'reset', class: 'secondary', id: 'clear'}, 'Clear')));
  f.addEventListener('submit', event => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(f)) {
      if (value) {
        query.set(name, name === 'from' || name === 'to' ? new Date(value).toISOString() : value.trim());
      }
    }
    location.hash = `#/messages?${query}`;
  });
  f.addEventListener('reset', () => {
    location.hash = '#/messages';
  });
  return f;
}

function pager(params, result) {
  const page = result.page || 0;
  const go = n => {
    const next = new URLSearchParams(params);
    next.set('page', n);
    return `#/messages?${next}`;
  };
  return el('nav', {class: 'pager', 'aria-label': 'Result pages'},
    page > 0 ? el('a', {href: go(page - 1), rel: 'prev'}, '← Previous') : null,
    el('span', {}, `Page ${page + 1}`),
    result.hasMore ? el('a', {href: go(page + 1), rel: 'next'}, 'Next →') : null);
}

export async function render(params) {
  const query = Object.fromEntries(params);
  const request = {page: 0, size: PAGE_SIZE, ...query}; // newest first
  let results;
  try {
    const result = await getJson('/api/v1/messages', request);
    const rows = result.items.map(m => [
      el('a', {href: `#/messages/${encodeURIComponent(m.messageId)}`, class: 'mono'}, m.messageId),
      m.mrn || '–', m.type || '–', m.direction, m.partner || '–', badge(m.status), m.agreement || '–',
      time(m.createdAt), bytes(m.payloadSize)]);
    results = [
      el('p', {role: 'status', class: 'count'}, `${result.items.length} message${result.items.length === 1 ? '' : 's'}`
        + (result.hasMore ? ' on this page, more on the next' : '')),
      table('Messages, newest first', ['Message id', 'MRN', 'Type', 'Direction', 'Partner', 'Status', 'Agreement',
        'Created', 'Size'], rows, 'No message matches these filters.'),
      pager(params, result)];
  } catch (e) {
    results = [errorBox(e)];
  }
  return [heading('Messages'), form(params), el('section', {'aria-label': 'Results', id: 'results'}, results)];
}
