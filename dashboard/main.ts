import { DataStore } from './data/data-store.ts';
import { warmFirstView } from './data/warm-first-view.ts';
import { setExportContext } from './export/export-context.ts';
import { RegionTree } from './data/region-tree.ts';
import { makeUi, type Ui } from './i18n/ui.ts';
import { loadRomanizer } from './i18n/romanizer.ts';
import { PAGE_LOADERS } from './pages/page-registry.ts';
import { regionLevel } from '../contract/region-level.ts';
import { themedIndicator } from './state/themed-indicator.ts';
import { UrlState } from './state/url-state.ts';
import { parseViewState, type ViewState } from './state/view-state.ts';
import { breadcrumbs, childLinks } from './ui/breadcrumbs.ts';
import { compareLink } from './ui/compare-link.ts';
import { chartWidth } from './charts/plot-defaults.ts';
import { unknownRegion } from './ui/unknown-region.ts';
import { comparedRegions } from './data/compared-regions.ts';
import { h } from './ui/h.ts';
import type { Page } from './ui/page.ts';
import type { PageContext } from './ui/page-context.ts';
import { pageNav } from './ui/page-nav.ts';
import { SearchBox } from './ui/search-box.ts';
import { showSections } from './ui/show-sections.ts';
import { viewSelectors } from './ui/view-selectors.ts';

const $ = (id: string) => document.getElementById(id)!;

/** Adds a county's communities to the tree, so townships list them and breadcrumbs name them. */
async function learnCommunities(store: DataStore, tree: RegionTree, code: string): Promise<void> {
  const level = regionLevel(code);
  if (level !== 'township' && level !== 'community') return;
  for (const row of await store.county(code.slice(0, 6), 'communities')) {
    tree.add({ level: 'community', code: row.community_code, name: row.name, parent: row.township_code });
  }
}

function renderChrome(ctx: PageContext): void {
  const { ui, store, url, state } = ctx;
  const { t } = ui;
  document.documentElement.lang = ui.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t(`page_${state.page}`)} · ${t('app_title')}`;
  document.querySelector('.skip-link')!.textContent = t('skip');
  $('app-title').textContent = t('app_title');
  $('app-subtitle').textContent = t('app_subtitle');
  $('banner').replaceChildren(
    ...(store.synthetic
      ? [
          h(
            'p',
            { class: 'synthetic-banner', role: 'note' },
            h('strong', null, t('synthetic_label')),
            ' ',
            t('synthetic_banner'),
          ),
        ]
      : []),
  );
  const other = state.lang === 'zh' ? 'en' : 'zh';
  $('header-tools').replaceChildren(
    h(
      'a',
      {
        class: 'lang-switch',
        href: url.href({ lang: other }),
        lang: other === 'zh' ? 'zh-CN' : 'en',
        hreflang: other === 'zh' ? 'zh-CN' : 'en',
        'aria-label': t('lang_switch_label'),
        'data-focus-key': 'lang',
        onclick: (e: Event) => {
          e.preventDefault();
          url.go({ lang: other });
        },
      },
      t('lang_switch'),
    ),
  );
  $('page-nav').setAttribute('aria-label', t('nav_pages'));
  $('page-nav').replaceChildren(pageNav(ctx));
  const footer = $('footer');
  footer.replaceChildren(
    h(
      'p',
      null,
      t('footer_version', { version: store.current.version, time: ui.fmt.dateTime(store.current.generated_at) }),
    ),
    h('p', null, t('footer_note', { n: store.manifest.min_group_n })),
  );
}

function pageHeading(ctx: PageContext, ui: Ui, page: Page): HTMLElement {
  const { state, tree } = ctx;
  const region = tree.get(state.region);
  const place =
    state.page === 'compare'
      ? ui.list(comparedRegions(ctx).map((code) => ui.placeName(code, tree.get(code)?.name)))
      : ui.placeName(state.region, region?.name);
  const parts = [ui.t(`page_${state.page}`), place];
  return h(
    'header',
    { class: 'page-heading' },
    h('h2', null, parts.join(' · ')),
    page.needs.year ? h('p', { class: 'page-year' }, ui.lang === 'zh' ? `${state.year}年` : String(state.year)) : null,
    state.page === 'compare' ? null : compareLink({ ...ctx, ui }),
  );
}

async function boot(): Promise<void> {
  // Ask for the data pointer first, then fetch the first view's page code (and in English the
  // romanizer) while it and the manifest load, rather than after: the first chart waits for
  // whichever arrives last.
  const opening = DataStore.open(new URL('data/', location.href));
  const first = parseViewState(location.search, { years: [], indicators: [] });
  PAGE_LOADERS[first.page]().catch(() => undefined);
  if (first.lang === 'en') loadRomanizer().catch(() => undefined);
  let store: DataStore;
  try {
    store = await opening;
  } catch (error) {
    $('main').replaceChildren(
      h(
        'p',
        { class: 'error', role: 'alert' },
        `数据加载失败 / The data could not be loaded: ${(error as Error).message}`,
      ),
    );
    document.body.dataset.ready = 'true';
    throw error;
  }
  warmFirstView(store, null, first);
  const tree = new RegionTree(await store.regions());
  warmFirstView(store, tree, first);
  const url = new UrlState({ years: store.manifest.years, indicators: store.manifest.indicators.map((i) => i.id) });
  const search = new SearchBox();
  const controls = $('controls');
  let ticket = 0;

  const render = async (state: ViewState) => {
    const mine = ++ticket;
    document.body.dataset.ready = 'false';
    const ui = makeUi(state.lang, store.manifest, state.lang === 'en' ? await loadRomanizer() : null);
    if (mine !== ticket) return;
    if (!tree.plausible(state.region)) {
      const ctx: PageContext = { state, store, tree, ui, url, region: state.region };
      renderChrome(ctx);
      search.update(ctx);
      controls.replaceChildren(h('div', { class: 'control-row' }, search.element));
      $('main').replaceChildren(...unknownRegion(ctx));
      document.body.dataset.ready = 'true';
      return;
    }
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    const main = $('main');
    try {
      const [page] = await Promise.all([PAGE_LOADERS[state.page](), learnCommunities(store, tree, state.region)]);
      if (mine !== ticket) return;
      const region = regionLevel(state.region) === 'community' ? state.region.slice(0, 9) : state.region;
      const ctx: PageContext = { state, store, tree, ui, url, region };
      // A themed page draws its theme's indicator when the selected one is of another theme.
      const themed = typeof page.needs.indicator === 'object' ? page.needs.indicator : null;
      const measure = ui.indicator(
        themed ? themedIndicator(store.manifest.indicators, state.indicator, themed) : state.indicator,
      );
      setExportContext({
        regionCode: state.region,
        regionName: ui.placeName(state.region, tree.get(state.region)?.name),
        year: page.needs.year ? state.year : null,
        indicator: page.needs.indicator
          ? { id: measure.id, name: ui.indicatorName(measure.id), unit: ui.fmt.unit(measure.unit) }
          : null,
        version: store.current.version,
        synthetic: store.synthetic,
      });
      renderChrome(ctx);
      search.update(ctx);
      controls.setAttribute('aria-label', ui.t('controls'));
      controls.replaceChildren(
        h('div', { class: 'region-nav' }, breadcrumbs(ctx), childLinks(ctx)),
        h('div', { class: 'control-row' }, search.element, viewSelectors(ctx, page.needs)),
      );
      // Keep the previous view on screen while the next one loads, so the page does not jump to the
      // top when, say, a threshold is edited far down; only a first or a slow load shows a message.
      main.setAttribute('aria-busy', 'true');
      const slow = setTimeout(
        () =>
          main.replaceChildren(
            pageHeading(ctx, ui, page),
            h('p', { class: 'loading', role: 'status' }, ui.t('loading')),
          ),
        400,
      );
      if (!main.querySelector('.page-heading'))
        main.replaceChildren(pageHeading(ctx, ui, page), h('p', { class: 'loading', role: 'status' }, ui.t('loading')));
      const content = await page.render(ctx).finally(() => clearTimeout(slow));
      if (mine !== ticket) return;
      const fallback =
        region !== state.region && state.page !== 'community'
          ? [h('p', { class: 'note' }, ui.t('note_community_level'))]
          : [];
      // A first load (or a slow one, showing 加载中) draws its first chart as soon as it can and the
      // rest after; a change of view swaps the whole page in when it is drawn.
      await showSections(
        [pageHeading(ctx, ui, page), ...fallback, ...content],
        (nodes) => main.replaceChildren(...nodes),
        { progressive: main.querySelector(':scope > .loading') !== null, stale: () => mine !== ticket },
      );
      if (mine !== ticket) return;
      main.removeAttribute('aria-busy');
    } catch (error) {
      if (mine !== ticket) return;
      main.removeAttribute('aria-busy');
      main.replaceChildren(
        h('p', { class: 'error', role: 'alert' }, ui.t('error', { message: (error as Error).message })),
      );
      console.error(error);
    }
    if (focusKey) (document.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`) as HTMLElement | null)?.focus();
    document.body.dataset.ready = 'true';
  };

  url.onChange((state) => void render(state));
  // Charts are drawn at the width they have: draw them again when a rotated phone or a resized window
  // changes it.
  let drawnWidth = chartWidth();
  let resizing = 0;
  addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = window.setTimeout(() => {
      if (chartWidth() === drawnWidth) return;
      drawnWidth = chartWidth();
      void render(url.state);
    }, 200);
  });
  // Tables are an accessible alternative to charts: print them too.
  addEventListener('beforeprint', () => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await render(url.state);
}

void boot();
