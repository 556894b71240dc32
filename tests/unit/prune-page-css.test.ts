// The phone page's stylesheet loses only rules that cannot match (scripts/prune-page-css.ts, issue 11).
import { describe, expect, it } from 'vitest';
import { mentioned, pruneCss } from '../../scripts/prune-page-css.ts';

describe('pruning the phone page’s stylesheet', () => {
  it('drops a rule whose class appears nowhere, and keeps one whose class the markup or a script uses', () => {
    const css = '.site-header{color:red}.phone-card{color:blue}.help-link:hover{color:green}';
    const text = '<div class="phone-card"></div> x=`<a class=help-link>`';
    expect(pruneCss(css, text)).toBe('.phone-card{color:blue}.help-link:hover{color:green}');
  });

  it('keeps the selectors of a list that can match, and classes the code builds (`vote-button--${n}`)', () => {
    const css = '.page,.muted{margin:0}.vote-button--3{background:var(--bar-3)}.bar--1{color:red}';
    expect(pruneCss(css, 'class=muted; c=`vote-button vote-button--${i+1}`')).toBe('.muted{margin:0}.vote-button--3{background:var(--bar-3)}');
    expect(mentioned("'step-timer--' + size", 'step-timer--phone')).toBe(true);
    expect(mentioned('step-timer', 'step-timer--phone')).toBe(false);
  });

  it('does not judge classes inside :not(), :is() or attribute selectors, and keeps tag and id rules', () => {
    const css = '.muted:not(.gone){color:red}:is(.gone,.muted) p{color:blue}[class~=gone]{color:green}h1,#hulp{margin:0}';
    expect(pruneCss(css, 'muted')).toBe(css);
  });

  it('empties and drops a media query, keeps @keyframes, and drops custom properties nothing reads', () => {
    const css =
      ':root{--ink:#111;--unused:#222;--postit-geel:#ff0}@media (min-width:40em){.deck-list{display:grid}}@keyframes pulse{0%{opacity:0}}body{color:var(--ink)}.muted{content:"{.deck-list}"}';
    expect(pruneCss(css, 'muted pulse var(--postit-${kleur})')).toBe(
      ':root{--ink:#111;--postit-geel:#ff0}@keyframes pulse{0%{opacity:0}}body{color:var(--ink)}.muted{content:"{.deck-list}"}',
    );
  });
});
