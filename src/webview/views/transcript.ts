// Image to text and speech recognition: the text beside the media it came from;
// speech chunks with their timestamps, each one seeking the player.
import { h } from '../dom';
import { clock } from '../format';
import { mediaUrl } from '../media';
import { isObj, list, num, str, type ViewContext } from './types';

export function captionView({ input, output }: ViewContext): HTMLElement {
  const media = input.media?.base64 ? input.media : undefined;
  return h(
    'div',
    { class: 'media-result beside' },
    media ? h('img', { class: 'stage-image small', attrs: { src: mediaUrl(media, 'image'), alt: media.name } }) : null,
    h('p', { class: 'caption-text output-text' }, str(isObj(output) ? output.text : undefined) || '(no text)'),
  );
}

export function speechView({ input, output }: ViewContext): HTMLElement {
  const o = isObj(output) ? output : {};
  const media = input.media?.base64 ? input.media : undefined;
  const audio = media ? h('audio', { class: 'player', attrs: { controls: '', src: mediaUrl(media, 'audio'), 'aria-label': `Play ${media.name}` } }) : null;
  const chunks = list(o.chunks).filter(isObj);
  const timeline = chunks.length
    ? h(
        'ol',
        { class: 'chunks', attrs: { 'aria-label': 'Transcript with timestamps' } },
        ...chunks.map((c) => {
          const [start, end] = list(c.timestamp).map(num);
          const label = `${start !== undefined ? clock(start) : '?'}–${end !== undefined ? clock(end) : '…'}`;
          const seek = h('button', { class: 'timestamp', attrs: { type: 'button', title: 'Play from here', 'aria-label': `Play from ${label}` } }, label);
          seek.disabled = !audio || start === undefined;
          seek.addEventListener('click', () => {
            if (!audio || start === undefined) return;
            audio.currentTime = start;
            void audio.play().catch(() => undefined);
          });
          return h('li', { class: 'chunk' }, seek, h('span', { class: 'chunk-text output-text' }, str(c.text)));
        }),
      )
    : null;
  return h('div', { class: 'speech-view' }, audio, h('p', { class: 'transcript output-text' }, str(o.text) || '(no speech recognised)'), timeline);
}
