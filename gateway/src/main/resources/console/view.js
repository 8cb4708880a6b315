// Small DOM helpers: every text goes in as text (never as HTML), so nothing a message carries can run here.

/** An element with attributes (on* not accepted) and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** A table with a caption and column headers; {@code rows} are arrays of cells (text or nodes). */
export function table(caption, headers, rows, emptyText = 'Nothing to show.') {
  if (rows.length === 0) {
    return el('p', {class: 'empty'}, emptyText);
  }
  return el('div', {class: 'table-wrap'},
    el('table', {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headers.map(h => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c)))))));
}

/** A description list of label/value pairs; empty values shown as a dash. */
export function facts(pairs) {
  return el('dl', {class: 'facts'}, pairs.flatMap(([label, value]) =>
    [el('dt', {}, label), el('dd', {}, value === undefined || value === null || value === '' ? '–' : value)]));
}

/** An instant as the operator's local time, with the exact UTC value in a time element. */
export function time(instant) {
  if (!instant) {
    return '–';
  }
  const date = new Date(instant);
  return el('time', {datetime: date.toISOString(), title: date.toISOString()},
    date.toLocaleString(undefined, {dateStyle: 'short', timeStyle: 'medium'}));
}

/** A status as a badge whose colour says ok, pending or failed (the word says it too). */
export function badge(status) {
  if (!status) {
    return '–';
  }
  const kind = /FAIL|REJECT|REFUS|DEAD|OPEN|EXPIRED|ERROR/.test(status) ? 'bad'
    : /DELIVER|ACK|CLOSED|VERIFIED|IN_FORCE/.test(status) ? 'good' : 'neutral';
  return el('span', {class: `badge ${kind}`}, status);
}

/** The page's heading, which takes the focus so a screen reader announces the new page. */
export function heading(text) {
  return el('h1', {tabindex: '-1', id: 'page-title'}, text);
}

export function errorBox(error) {
  return el('p', {class: 'error', role: 'alert'}, error.message || String(error));
}

export function bytes(n) {
  if (n === undefined || n === null) {
    return '–';
  }
  return n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
}
