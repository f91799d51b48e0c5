/** The results' tabs (Sheet, Explain, Tests, Impact): one shown at a time, arrow keys move between them. */
import { byId } from './make-element.js';

export const TABS = ['sheet', 'explain', 'tests', 'impact'] as const;
export type TabName = (typeof TABS)[number];

export function selectTab(name: TabName, onSelected?: (name: TabName) => void): void {
  for (const tab of TABS) {
    const selected = tab === name;
    const button = byId(`tab-${tab}`);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`panel-${tab}`).hidden = !selected;
  }
  onSelected?.(name);
}

export function wireTabs(onSelected: (name: TabName) => void): void {
  TABS.forEach((tab, i) => {
    const button = byId(`tab-${tab}`);
    button.addEventListener('click', () => selectTab(tab, onSelected));
    button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = TABS[(i + step + TABS.length) % TABS.length]!;
      selectTab(next, onSelected);
      byId(`tab-${next}`).focus();
    });
  });
}
