// The image or audio input: drop a file, paste an image, or pick a workspace
// file (read by the host). Images are previewed; audio gets a player.
import type { MediaFile } from '../../shared/protocol';
import { button, h, setText } from '../dom';
import { bytes } from '../format';
import { mediaSize, mediaUrl, readFile } from '../media';
import type { Field, FieldContext } from './fields';

export function mediaField(kind: 'image' | 'audio', ctx: FieldContext, pick: () => Promise<{ media?: MediaFile; error?: string }>): Field {
  let media: MediaFile | undefined;
  const preview = h('div', { class: 'media-preview' });
  const problem = h('div', { class: 'field-problem', attrs: { 'aria-live': 'polite' } });
  const what = kind === 'image' ? 'an image' : 'an audio file';
  const prompt = h('p', { class: 'drop-prompt' }, kind === 'image' ? 'Drop an image here, paste one, or' : 'Drop an audio file here, or');
  const choose = button({
    label: 'Choose a workspace file…',
    icon: 'folder-opened',
    class: 'secondary choose-file',
    onClick: async () => {
      const picked = await pick();
      if (picked.error) setProblem(picked.error);
      else if (picked.media) use(picked.media);
    },
  });
  const remove = button({ label: `Remove the ${kind}`, icon: 'trash', iconOnly: true, class: 'remove-media', onClick: () => use(undefined) });
  const zone = h(
    'div',
    { class: 'dropzone', attrs: { tabindex: '0', role: 'group', 'aria-label': `${kind === 'image' ? 'Image' : 'Audio'}: drop ${what}${kind === 'image' ? ', paste one' : ''}, or choose a workspace file` } },
    preview,
    h('div', { class: 'drop-actions' }, prompt, choose, remove),
  );
  const element = h('div', { class: 'field media-field', attrs: { 'data-pointer': `/${kind}` } }, h('div', { class: 'field-head' }, h('span', { class: 'field-label' }, kind === 'image' ? 'Image' : 'Audio', h('span', { class: 'required', attrs: { 'aria-hidden': 'true' } }, ' *'))), zone, problem);

  function setProblem(message: string | undefined) {
    setText(problem, message ?? '');
    element.classList.toggle('invalid', !!message);
  }

  function render() {
    remove.hidden = !media;
    if (!media) {
      preview.replaceChildren(h('span', { class: 'codicon codicon-' + (kind === 'image' ? 'file-media' : 'unmute'), attrs: { 'aria-hidden': 'true' } }));
      return;
    }
    const caption = h('div', { class: 'media-caption' }, h('span', { class: 'file-name' }, media.name), h('span', { class: 'muted' }, ` · ${bytes(mediaSize(media))}`));
    if (!media.base64) {
      preview.replaceChildren(caption, h('div', { class: 'muted' }, 'This file was not kept; choose it again.'));
    } else if (kind === 'image') {
      preview.replaceChildren(h('img', { class: 'preview-image', attrs: { src: mediaUrl(media, 'image'), alt: `Preview of ${media.name}` } }), caption);
    } else {
      preview.replaceChildren(h('audio', { class: 'preview-audio', attrs: { controls: '', src: mediaUrl(media, 'audio'), 'aria-label': `Play ${media.name}` } }), caption);
    }
  }

  function use(next: MediaFile | undefined) {
    media = next;
    setProblem(undefined);
    render();
    ctx.changed();
    ctx.touched(`/${kind}`);
  }

  const take = (file: File | undefined) => {
    if (!file) return;
    readFile(file, kind).then(use, (e: Error) => setProblem(e.message));
  };

  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    take(e.dataTransfer?.files[0]);
  });
  zone.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target === zone) {
      e.preventDefault();
      choose.click();
    }
  });
  if (kind === 'image') {
    // A pasted image anywhere in the panel (outside text fields) becomes the input.
    document.addEventListener('paste', (e) => {
      const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      e.preventDefault();
      take(file);
    });
  }
  render();

  return {
    pointer: `/${kind}`,
    element,
    get: () => (media?.base64 ? media : undefined),
    set: (v) => {
      media = v && typeof v === 'object' ? (v as MediaFile) : undefined;
      render();
    },
    setProblem,
    focus: () => zone.focus(),
  };
}
