import { Packer } from 'docx';
import { briefDocument } from '../brief/brief-document.ts';
import { briefDocx, briefFileName, type BriefPicture } from '../brief/brief-docx.ts';
import { briefHtml } from '../brief/brief-html.ts';
import { briefLevel, loadBrief } from '../brief/load-brief.ts';
import { mapPicture } from '../brief/map-picture.ts';
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
    const { model, names, map } = await loadBrief(store, tree, state.region, state.year);
    const doc = briefDocument(ui, model, names, map);
    // The Word file's map is a picture of the map this page drew, so both show the same shapes and colours.
    const saveWord = async () => {
      const pictures = new Map<string, BriefPicture>();
      for (const figure of brief.querySelectorAll<HTMLElement>('figure.brief-map')) {
        const svg = figure.querySelector<SVGSVGElement>('svg.choropleth');
        if (svg && figure.dataset.map) pictures.set(figure.dataset.map, await mapPicture(svg));
      }
      download(await Packer.toBlob(briefDocx(doc, pictures)), briefFileName(doc, 'docx'));
    };
    const brief = briefHtml(doc, [
      h('button', { type: 'button', onclick: () => print() }, ui.t('brief_print')),
      h('button', { type: 'button', class: 'brief-docx', onclick: () => void saveWord() }, ui.t('brief_download_docx')),
    ]);
    return [brief];
  },
};
