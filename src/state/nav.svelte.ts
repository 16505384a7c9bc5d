/** The sections of the workbench, in tab order. */
export const TABS = ['overview', 'ranking', 'weights', 'stages', 'profile', 'whatif', 'data', 'system', 'method'] as const;
export type Tab = (typeof TABS)[number];

/** Which section is shown; mirrored in the URL hash (#ranking …) so a link opens a section. */
export class Nav {
  tab = $state<Tab>('overview');
  /**
   * A paragraph inside the section (`#method/norm-minmax`): the "说明" links beside controls open
   * the 方法说明 tab at the paragraph that explains them. '' = the top of the section.
   */
  anchor = $state('');

  constructor() {
    this.fromHash(location.hash);
    // The 说明 links are plain `<a href="#method/…">` (they work without the app's context, and the
    // back button returns to the control), so the section follows the hash when it changes.
    window.addEventListener('hashchange', () => this.fromHash(location.hash));
  }

  private fromHash(hash: string): void {
    const [tab, anchor = ''] = hash.slice(1).split('/');
    if (!(TABS as readonly string[]).includes(tab)) return;
    this.tab = tab as Tab;
    this.anchor = anchor;
  }

  go(tab: Tab): void {
    this.tab = tab;
    this.anchor = '';
    history.replaceState(null, '', `#${tab}`);
  }
}
