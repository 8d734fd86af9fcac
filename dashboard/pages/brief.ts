import { Packer } from 'docx';
import { briefDocument } from '../brief/brief-document.ts';
import { briefDocx, briefFileName } from '../brief/brief-docx.ts';
import { briefHtml } from '../brief/brief-html.ts';
import { briefLevel, loadBrief } from '../brief/load-brief.ts';
import { download } from '../ui/download.ts';
import { h } from '../ui/h.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';

/** 视察简报: the printable inspection brief of a province, city or county, with its Word version (docs/brief.md). */
export const briefPage: Page = {
  needs: { year: true, indicator: false, gap: false },
  async render(ctx) {
    const { store, tree, ui, state } = ctx;
    if (!briefLevel(state.region)) return [note(ui.t('brief_only_region'))];
    const loaded = await loadBrief(store, tree, state.region, state.year);
    // Place names in the reader's language: pinyin on an English brief.
    const named = (m: ReadonlyMap<string, string>) => new Map([...m].map(([c, n]) => [c, ui.placeName(c, n)]));
    const names = {
      ...loaded.names,
      communities: named(loaded.names.communities),
      townships: named(loaded.names.townships),
      place: (c: string) => ui.placeName(c, loaded.names.place(c)),
    };
    const doc = briefDocument(ui, loaded.model, names);
    const saveWord = async () => download(await Packer.toBlob(briefDocx(doc)), briefFileName(doc, 'docx'));
    return [
      briefHtml(doc, [
        h('button', { type: 'button', onclick: () => print() }, ui.t('brief_print')),
        h(
          'button',
          { type: 'button', class: 'brief-docx', onclick: () => void saveWord() },
          ui.t('brief_download_docx'),
        ),
      ]),
    ];
  },
};
