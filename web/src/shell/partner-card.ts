/** A partner's card in the side panel: type, regions, capabilities, track record by role, engagements. */
import { ApiError } from '../api/client.ts';
import { graphql } from '../api/generated/index.ts';
import type { PartnerCardQuery, TrackRecordQuery } from '../api/generated/graphql.ts';
import { button, el } from '../lib/dom.ts';
import { typeSwatchStyle, isPartnerType, typeLabel } from '../lib/palette.ts';
import type { Session } from './session.ts';
import { describeError } from './states.ts';

const PARTNER_CARD = graphql(`
  query PartnerCard($id: ID!) {
    partner(id: $id) {
      id name type status tier
      regions { code name } industries { code name }
      capabilities { level certified capability { id name } }
      participations(first: 30) { totalCount edges { node { role from to engagement { id name status } } } }
    }
  }
`);
const TRACK_RECORD = graphql(`
  query TrackRecord($id: ID!) {
    partner(id: $id) { trackRecord {
      rootCauses accountableMisses
      asOrchestrator { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }
      asContributor { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }
    } }
  }
`);

type PartnerCardData = NonNullable<PartnerCardQuery['partner']>;
type RoleRecord = NonNullable<TrackRecordQuery['partner']>['trackRecord']['asOrchestrator'];

export async function openPartnerCard(session: Session, partnerId: string): Promise<void> {
  const { panel, api } = session;
  panel.open(partnerId, el('p', { role: 'status' }, 'Loading the partner’s card…'));
  try {
    const [card, record] = await Promise.all([
      api.query(PARTNER_CARD, { id: partnerId }),
      api.query(TRACK_RECORD, { id: partnerId }).catch((err: unknown) => err),
    ]);
    if (!card.partner) {
      panel.replace(el('p', {}, 'No such partner.'));
      return;
    }
    panel.open(card.partner.name, ...cardContent(session, card.partner, record));
  } catch (err) {
    panel.replace(el('p', { role: 'alert' }, describeError(err)));
  }
}

function cardContent(session: Session, p: PartnerCardData, record: unknown): Node[] {
  const swatch = isPartnerType(p.type) ? typeSwatchStyle(p.type) : 'background:#999';
  const capabilities = [...p.capabilities].sort((a, b) => b.level - a.level || a.capability.name.localeCompare(b.capability.name));
  return [
    el('div', { class: 'partner-card', 'data-partner': p.id },
      el('p', {}, el('span', { class: 'swatch', style: swatch }), ' ', typeLabel(p.type), ' · ', p.status.toLowerCase(), p.tier ? ` · tier ${p.tier}` : '', el('br'),
        el('span', { class: 'muted small' }, p.id)),
      el('p', {}, el('strong', {}, 'Regions: '), p.regions.map((r) => r.name).join(', ') || '–'),
      el('p', {}, el('strong', {}, 'Industries: '), p.industries.map((i) => i.name).join(', ') || '–'),
      el('h3', {}, 'Capabilities'),
      capabilities.length === 0 ? el('p', { class: 'muted' }, 'None recorded.') : el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, 'Capability'), el('th', { class: 'num' }, 'Level'), el('th', {}, 'Certified'))),
        el('tbody', {}, ...capabilities.map((c) => el('tr', {}, el('td', {}, c.capability.name), el('td', { class: 'num' }, String(c.level)), el('td', {}, c.certified ? 'yes' : 'no'))))),
      el('h3', {}, 'Track record by role'),
      trackRecordTable(record),
      el('h3', {}, `Engagements (${p.participations.totalCount} role intervals)`),
      engagementsTable(session, p)),
  ];
}

function trackRecordTable(record: unknown): Node {
  if (record instanceof Error) {
    const forbidden = record instanceof ApiError && record.code === 'FORBIDDEN';
    return el('p', { class: 'muted' }, forbidden ? 'A track record is visible to ADMIN, ANALYST and the partner itself.' : describeError(record));
  }
  const tr = (record as TrackRecordQuery).partner?.trackRecord;
  if (!tr) return el('p', { class: 'muted' }, 'No track record.');
  const row = (label: string, r: RoleRecord) => el('tr', {}, el('th', {}, label), ...[r.engagements, r.outcomesMet, r.outcomesMissed, r.commitmentsDelivered, r.commitmentsDefective].map((v) => el('td', { class: 'num' }, String(v))));
  return el('div', {},
    el('table', { class: 'track-record' },
      el('thead', {}, el('tr', {}, el('th', {}, 'As'), el('th', { class: 'num', title: 'Engagements' }, 'Eng.'), el('th', { class: 'num', title: 'Outcomes met' }, 'Met'),
        el('th', { class: 'num', title: 'Outcomes missed or partially met' }, 'Missed'), el('th', { class: 'num', title: 'Commitments delivered' }, 'Deliv.'),
        el('th', { class: 'num', title: 'Commitments late or failed' }, 'Defect.'))),
      el('tbody', {}, row('Orchestrator', tr.asOrchestrator), row('Contributor', tr.asContributor))),
    el('p', { class: 'small' }, `Root causes of missed outcomes: ${tr.rootCauses} · accountable for ${tr.accountableMisses} missed outcome${tr.accountableMisses === 1 ? '' : 's'}`));
}

function engagementsTable(session: Session, p: PartnerCardData): Node {
  if (p.participations.edges.length === 0) return el('p', { class: 'muted' }, 'No engagements in your scope.');
  return el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Engagement'), el('th', {}, 'Role'), el('th', {}, 'From – to'))),
    el('tbody', {}, ...p.participations.edges.map(({ node }) => el('tr', {},
      el('td', {}, button(node.engagement.name, () => session.navigate('attribution', node.engagement.id), { class: 'link', title: `Attribution of ${node.engagement.id}` }),
        el('div', { class: 'muted small' }, `${node.engagement.id} · ${node.engagement.status.toLowerCase()}`)),
      el('td', {}, node.role.toLowerCase()),
      el('td', { class: 'small' }, `${node.from} – ${node.to ?? 'open'}`)))));
}
