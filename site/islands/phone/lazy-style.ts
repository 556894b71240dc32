// A stylesheet that comes with a lazily loaded part of the phone instead of with the page: Astro
// puts the CSS of everything a page may import into that page, and the phone's first load on a slow
// school network should carry only what joining and voting need (issue 11).
export function addStyle(css: string) {
  if (typeof document === 'undefined') return; // rendered at build time: the part is not shown then
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}
