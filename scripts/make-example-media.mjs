// Writes the small image and sound the examples refer to, made by the test
// fixtures' encoders (run `npm run build` first): a 64×48 PNG and 1 s of WAV.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { makePng, makeWav } = createRequire(import.meta.url)(join(root, 'out/test/support/media.js'));
const media = join(root, 'examples/components/media');
mkdirSync(media, { recursive: true });
writeFileSync(join(media, 'cat.png'), makePng(64, 48, [214, 140, 60]));
writeFileSync(join(media, 'speech.wav'), makeWav(1));
console.log(`wrote ${media}/cat.png and speech.wav`);
