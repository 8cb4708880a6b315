// The agreements: the version in force with each partner today, every version held, and the last load.
import {getJson} from '../api.js';
import {badge, el, facts, heading, table, time} from '../view.js';

function versions(caption, list) {
  return table(caption, ['Partner', 'Agreement', 'Version', 'Effective from', 'Effective to', 'In force', 'File'],
    list.map(v => [v.partner, v.agreement, v.version, v.effectiveFrom, v.effectiveTo || 'open',
      v.inForce ? badge('IN_FORCE') : 'no', el('span', {class: 'mono'}, v.file)]),
    'No agreement version.');
}

export async function render() {
  const rules = await getJson('/api/v1/rules');
  const load = rules.lastLoad || {};
  const problems = load.problems || []; // empty lists are left out of the answer
  return [heading('Rule sets'),
    el('section', {'aria-labelledby': 'in-force-title'},
      el('h2', {id: 'in-force-title'}, `In force on ${rules.day}`), versions('Versions in force', rules.inForce || [])),
    el('section', {'aria-labelledby': 'held-title'},
      el('h2', {id: 'held-title'}, 'Every version held'), versions('Versions held, oldest first', rules.versions || [])),
    el('section', {'aria-labelledby': 'load-title'},
      el('h2', {id: 'load-title'}, 'Last load of the files'),
      facts([['At', time(load.at)], ['Outcome', load.applied ? 'applied' : 'refused: the previous set stays'],
        ['Problems', problems.length ? el('ul', {}, problems.map(p => el('li', {}, p))) : 'none']]))];
}
