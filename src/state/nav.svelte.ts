/** The sections of the workbench, in tab order. */
export const TABS = ['overview', 'ranking', 'weights', 'stages', 'profile', 'whatif', 'data'] as const;
export type Tab = (typeof TABS)[number];

/** Which section is shown; mirrored in the URL hash (#ranking …) so a link opens a section. */
export class Nav {
  tab = $state<Tab>('overview');

  constructor() {
    const fromHash = location.hash.slice(1);
    if ((TABS as readonly string[]).includes(fromHash)) this.tab = fromHash as Tab;
  }

  go(tab: Tab): void {
    this.tab = tab;
    history.replaceState(null, '', `#${tab}`);
  }
}
