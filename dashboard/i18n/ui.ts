import type { Manifest } from '../../contract/published-types.ts';
import type { GapId, GroupId, Indicator } from '../../contract/indicators.ts';
import type { Level } from '../../contract/region-level.ts';
import type { Lang } from '../state/view-state.ts';
import { formatters, type Formatters } from './formatters.ts';
import type { Romanizer } from './romanizer.ts';
import { EN, ZH, type MessageKey } from './messages.ts';

/** Looks up a UI text and fills its `{name}` parameters. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Everything that turns data into words in one language: texts, labels and number formats. */
export interface Ui {
  lang: Lang;
  t: Translate;
  fmt: Formatters;
  indicator(id: string): Indicator;
  indicatorName(id: string): string;
  groupName(group: GroupId): string;
  gapName(gap: GapId): string;
  levelName(level: Level): string;
  /** A region's name: the data's, except the nation, which is named in the reader's language. */
  placeName(code: string, name: string | null | undefined): string;
  /** Pinyin for place names, when loaded (English pages, Latin searches). */
  romanizer: Romanizer | null;
  /** A list of items as this language writes one. */
  list(items: readonly string[]): string;
}

/** The UI of a language over a manifest's indicators. */
export function makeUi(lang: Lang, manifest: Pick<Manifest, 'indicators'>, romanizer: Romanizer | null = null): Ui {
  const texts: Record<MessageKey, string> = lang === 'zh' ? ZH : EN;
  const t: Translate = (key, params) =>
    texts[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
  const byId = new Map(manifest.indicators.map((i) => [i.id, i]));
  const indicator = (id: string): Indicator =>
    byId.get(id) ?? { id, kind: 'continuous', unit: '', zh: id, en: id, better: 'higher', theme: 'residents' };
  return {
    lang,
    t,
    fmt: formatters(lang),
    indicator,
    indicatorName: (id) => indicator(id)[lang],
    groupName: (group) => t(`group_${group}`),
    gapName: (gap) => t(`gap_short_${gap}`),
    levelName: (level) => t(`level_${level}`),
    // English labels spell Chinese place names in pinyin (王益区 → Wangyi District) once it is loaded.
    placeName: (code, name) =>
      code === 'CN' ? t('nation_name') : name && lang === 'en' && romanizer ? romanizer.name(name) : (name ?? code),
    romanizer,
    list: (items) => items.join(lang === 'zh' ? '，' : ', '),
  };
}
