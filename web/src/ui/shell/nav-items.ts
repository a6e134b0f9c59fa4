import type { Role } from '../../gql/graphql';

/**
 * The sidebar, in order. A page adds itself here: `label` is a catalogue key, `role` the least
 * role that may use the page (the link is hidden below it; the server refuses regardless).
 */
export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly role: Role;
  /** Also highlighted on these path prefixes (detail pages). */
  readonly also?: readonly string[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'nav.overview', role: 'VIEWER' },
  { href: '/hosts/', label: 'nav.hosts', role: 'VIEWER', also: ['/host/'] },
  { href: '/run/', label: 'nav.run', role: 'OPERATOR' },
  { href: '/jobs/', label: 'nav.jobs', role: 'VIEWER', also: ['/job/'] },
  { href: '/desired/', label: 'nav.desired', role: 'VIEWER' },
  { href: '/artifact-store/', label: 'nav.artifacts', role: 'VIEWER' },
  { href: '/reports/', label: 'nav.reports', role: 'VIEWER' },
  { href: '/audit/', label: 'nav.audit', role: 'ADMIN' },
  { href: '/admin/', label: 'nav.admin', role: 'ADMIN' },
];
