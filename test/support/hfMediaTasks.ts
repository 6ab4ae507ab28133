// Default answers of the image and audio pipelines. Like the real servers they
// sniff the upload (Pillow / ffmpeg) and refuse what they cannot decode; the
// answers depend on the format and size read from the upload's header.
import { type Answer, type MediaCall, fail, fraction, ok } from './hfAnswer';
import { type ImageFormat, makeGrayPng, readImageSize, readWavDuration, sniffAudio, sniffImage } from './media';

const TOP_LABEL: Record<ImageFormat, string> = { png: 'cheetah', jpeg: 'giraffe', gif: 'zebra', webp: 'panda', bmp: 'koala', tiff: 'lynx' };

/** Formats whose size is not read get this size, as if decoded. */
const FALLBACK_SIZE = { width: 64, height: 64 };

interface Image {
  format: ImageFormat;
  width: number;
  height: number;
  /** A number in [0, 1) fixed by the bytes. */
  seed: number;
}

/** Scores are seeded by the first bytes only, so a large upload costs nothing to hash. */
const seedOf = (head: Buffer) => fraction(head.subarray(0, 4096));

function image(call: MediaCall): Image | Answer {
  const format = sniffImage(call.head);
  if (!format) return fail(400, 'cannot identify image file');
  return { format, ...(readImageSize(call.head) ?? FALLBACK_SIZE), seed: seedOf(call.head) };
}

const isAnswer = (v: object): v is Answer => 'status' in v;

function classes(img: Image) {
  const top = 0.85 + 0.14 * img.seed;
  return [
    { score: top, label: TOP_LABEL[img.format] },
    { score: (1 - top) * 0.7, label: 'tabby cat' },
    { score: (1 - top) * 0.2, label: 'remote control' },
  ];
}

/** Three labels; the top one names the image format (png → cheetah, jpeg → giraffe, …). */
export function imageClassification(call: MediaCall): Answer {
  const img = image(call);
  return isAnswer(img) ? img : ok(classes(img));
}

/** A cat over the left half and a remote in the bottom-right quarter (integer pixel boxes); variant `empty`: none. */
export function objectDetection(call: MediaCall): Answer {
  const img = image(call);
  if (isAnswer(img)) return img;
  if (call.variant === 'empty') return ok([]);
  const { width: w, height: h } = img;
  const half = Math.floor(w / 2);
  return ok([
    { score: 0.95 + 0.049 * img.seed, label: 'cat', box: { xmin: 0, ymin: 0, xmax: Math.max(0, half - 1), ymax: h - 1 } },
    { score: 0.8 + 0.1 * img.seed, label: 'remote', box: { xmin: half, ymin: Math.floor(h / 2), xmax: w - 1, ymax: h - 1 } },
  ]);
}

/** "cat" = left half, "wall" = right half; masks are plain-base64 grayscale PNGs of the image's size. */
export function imageSegmentation(call: MediaCall): Answer {
  const img = image(call);
  if (isAnswer(img)) return img;
  const half = Math.floor(img.width / 2);
  const mask = (inside: (x: number) => boolean) => makeGrayPng(img.width, img.height, (x) => (inside(x) ? 255 : 0)).toString('base64');
  const score = (s: number) => (call.variant === 'null-score' ? null : s);
  return ok([
    { score: score(0.97 + 0.029 * img.seed), label: 'cat', mask: mask((x) => x < half) },
    { score: score(0.9 + 0.05 * img.seed), label: 'wall', mask: mask((x) => x >= half) },
  ]);
}

/** "a picture of a <top image-classification label>"; variant `object`: the bare object. */
export function imageToText(call: MediaCall): Answer {
  const img = image(call);
  if (isAnswer(img)) return img;
  const caption = { generated_text: `a picture of a ${TOP_LABEL[img.format]}` };
  return ok(call.variant === 'object' ? caption : [caption]);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * WAV: "HELLO FROM A <seconds> SECOND RECORDING" (duration from the header); other formats "HELLO FROM AN
 * AUDIO FILE". Variant `chunks` or `return_timestamps` adds two timestamped halves.
 */
export function speechRecognition(call: MediaCall): Answer {
  const format = sniffAudio(call.head);
  if (!format) return fail(400, 'Malformed soundfile');
  const seconds = format === 'wav' ? readWavDuration(call.head, call.length) : undefined;
  const text = seconds === undefined ? 'HELLO FROM AN AUDIO FILE' : `HELLO FROM A ${Math.round(seconds)} SECOND RECORDING`;
  if (call.variant !== 'chunks' && !call.parameters.return_timestamps) return ok({ text });
  const words = text.split(' ');
  const middle = Math.ceil(words.length / 2);
  const end = seconds ?? 1;
  return ok({
    text,
    chunks: [
      { timestamp: [0, round2(end / 2)], text: words.slice(0, middle).join(' ') },
      { timestamp: [round2(end / 2), round2(end)], text: ` ${words.slice(middle).join(' ')}` },
    ],
  });
}

/** Emotions neu > hap > ang > sad, scores summing to 1. */
export function audioClassification(call: MediaCall): Answer {
  if (!sniffAudio(call.head)) return fail(400, 'Malformed soundfile');
  const neu = 0.5 + 0.1 * seedOf(call.head);
  const rest = 1 - neu;
  return ok([
    { score: neu, label: 'neu' },
    { score: rest * 0.5, label: 'hap' },
    { score: rest * 0.3, label: 'ang' },
    { score: rest * 0.2, label: 'sad' },
  ]);
}
