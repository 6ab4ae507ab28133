// Default answers of the JSON text pipelines, computed from the input so tests
// can assert real values; shapes and errors as Hugging Face's servers give them.
import { type Answer, type JsonCall, fail, fieldRequired, fraction, intParam, invalidInputs, isRecord, lowerWords, ok } from './hfAnswer';

const POSITIVE = /good|great|love|excellent|happy|wonderful/i;

/** Nested `[[{label, score}, …]]` (the flat list for variant `flat`); POSITIVE wins iff a positive word occurs. */
export function textClassification({ inputs, variant }: JsonCall): Answer {
  if (typeof inputs !== 'string') return invalidInputs('must be a string');
  const winner = 0.9 + 0.0999 * fraction(inputs);
  const [top, other] = POSITIVE.test(inputs) ? ['POSITIVE', 'NEGATIVE'] : ['NEGATIVE', 'POSITIVE'];
  const ranked = [{ label: top, score: winner }, { label: other, score: 1 - winner }];
  return ok(variant === 'flat' ? ranked : [ranked]);
}

const FILLS = [
  { token: 1996, token_str: 'the', score: 0.5 },
  { token: 1037, token_str: 'a', score: 0.3 },
  { token: 2023, token_str: 'this', score: 0.1 },
];

export function fillMask({ inputs }: JsonCall): Answer {
  if (typeof inputs !== 'string') return invalidInputs('must be a string');
  const mask = ['[MASK]', '<mask>'].find((m) => inputs.includes(m));
  if (!mask) return fail(400, 'No mask_token ([MASK]) found on the input');
  return ok(FILLS.map((f) => ({ score: f.score, token: f.token, token_str: f.token_str, sequence: inputs.replace(mask, f.token_str) })));
}

/** The first sentence, cut to `max_length` words; `[{summary_text}]` (variant `object`: the bare object). */
export function summarization({ inputs, parameters, variant }: JsonCall): Answer {
  if (typeof inputs !== 'string') return invalidInputs('must be a string');
  const text = inputs.trim();
  if (!text) return invalidInputs('must not be empty');
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  const max = intParam(parameters.max_length);
  const words = sentence.split(/\s+/);
  const summary = { summary_text: max !== undefined && words.length > max ? words.slice(0, max).join(' ') : sentence };
  return ok(variant === 'object' ? summary : [summary]);
}

// German nouns are capitalised as German writes them.
const DICTIONARIES: Record<'fr' | 'de', Record<string, string>> = {
  fr: {
    hello: 'bonjour', world: 'monde', my: 'mon', name: 'nom', is: 'est', the: 'le', and: 'et', i: 'je', live: 'habite', in: 'à',
    cat: 'chat', dog: 'chien', good: 'bon', morning: 'matin', thank: 'merci', you: 'vous', house: 'maison', yes: 'oui', no: 'non',
    friend: 'ami', book: 'livre', water: 'eau', love: 'aime',
  },
  de: {
    hello: 'hallo', world: 'Welt', my: 'mein', name: 'Name', is: 'ist', the: 'der', and: 'und', i: 'ich', live: 'lebe', in: 'in',
    cat: 'Katze', dog: 'Hund', good: 'gut', morning: 'Morgen', thank: 'danke', you: 'du', house: 'Haus', yes: 'ja', no: 'nein',
    friend: 'Freund', book: 'Buch', water: 'Wasser', love: 'liebe',
  },
};

/** Word by word through a tiny dictionary (unknown words kept): French, or German for `tgt_lang: "de…"` / en-de models. */
export function translation({ inputs, parameters, model }: JsonCall): Answer {
  if (typeof inputs !== 'string') return invalidInputs('must be a string');
  const german = String(parameters.tgt_lang ?? '').toLowerCase().startsWith('de') || model.includes('en-de');
  const dictionary = DICTIONARIES[german ? 'de' : 'fr'];
  const translated = inputs.replace(/\p{L}+/gu, (word) => {
    const target = dictionary[word.toLowerCase()];
    if (!target) return word;
    // A capitalised source word starts a sentence (the pronoun "I" excepted).
    return /^\p{Lu}/u.test(word) && word !== 'I' ? target[0].toUpperCase() + target.slice(1) : target;
  });
  return ok([{ translation_text: translated }]);
}

interface Word {
  text: string;
  start: number;
  end: number;
  /** 1-based position among all words (a token index, as if each word were one token). */
  index: number;
  sentenceStart: boolean;
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const prev = words.at(-1);
    const start = m.index ?? 0;
    const sentenceStart = !prev || /[.!?]/.test(text.slice(prev.end, start));
    words.push({ text: m[0], start, end: start + m[0].length, index: words.length + 1, sentenceStart });
  }
  return words;
}

/** Runs of capitalised words the predicate accepts, adjacent words joined by one space. */
function capitalisedRuns(text: string, accept: (w: Word) => boolean): Word[][] {
  const runs: Word[][] = [];
  let previous: Word | undefined;
  for (const w of splitWords(text)) {
    if (!/^\p{Lu}/u.test(w.text) || w.text === 'I' || !accept(w)) {
      previous = undefined;
      continue;
    }
    const run = runs.at(-1);
    if (previous && run && text.slice(previous.end, w.start) === ' ') run.push(w);
    else runs.push([w]);
    previous = w;
  }
  return runs;
}

const PLACES = new Set(['paris', 'berlin', 'london', 'tokyo', 'rome', 'madrid', 'new york', 'france', 'germany', 'japan', 'europe']);
const ORGS = new Set(['google', 'microsoft', 'apple', 'amazon', 'ibm', 'hugging face', 'openai', 'united nations']);

function entityLabel(run: Word[]): string {
  const names = [run.map((w) => w.text).join(' '), ...run.map((w) => w.text)].map((n) => n.toLowerCase());
  if (names.some((n) => PLACES.has(n))) return 'LOC';
  if (names.some((n) => ORGS.has(n))) return 'ORG';
  return 'PER';
}

/**
 * Entities = capitalised words that do not start a sentence, consecutive ones merged. Grouped items
 * `{entity_group, score, word, start, end}`; with `aggregation_strategy: "none"` one item per word with B-/I- tags.
 */
export function tokenClassification({ inputs, parameters }: JsonCall): Answer {
  if (typeof inputs !== 'string') return invalidInputs('must be a string');
  const runs = capitalisedRuns(inputs, (w) => !w.sentenceStart);
  if (parameters.aggregation_strategy === 'none') {
    return ok(
      runs.flatMap((run) => {
        const label = entityLabel(run);
        return run.map((w, i) => ({ entity: `${i === 0 ? 'B' : 'I'}-${label}`, score: 0.95 + 0.049 * fraction(w.text), index: w.index, word: w.text, start: w.start, end: w.end }));
      }),
    );
  }
  return ok(
    runs.map((run) => {
      const start = run[0].start;
      const end = run[run.length - 1].end;
      const word = inputs.slice(start, end);
      return { entity_group: entityLabel(run), score: 0.95 + 0.049 * fraction(word), word, start, end };
    }),
  );
}

/** Whether the label occurs in the text as whole words. */
function mentions(text: string, label: string): boolean {
  const words = lowerWords(label).join(' ');
  return words.length > 0 && ` ${lowerWords(text).join(' ')} `.includes(` ${words} `);
}

function candidateLabels(v: unknown): string[] {
  const list = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v.filter((l): l is string => typeof l === 'string') : [];
  return list.map((l) => l.trim()).filter(Boolean);
}

/**
 * A label mentioned in the text wins. Legacy `{sequence, labels, scores}` sorted by score (scores sum to 1
 * unless `multi_label`); variants `list` (a list of it) and `labelscore` (`[{label, score}]`).
 */
export function zeroShotClassification({ inputs, parameters, variant }: JsonCall): Answer {
  if (typeof inputs !== 'string') return invalidInputs('must be a string');
  const labels = candidateLabels(parameters.candidate_labels);
  if (labels.length === 0) return fieldRequired('parameters.candidate_labels');
  const multi = parameters.multi_label === true;
  const raw = labels.map((label) => {
    const f = fraction(`${label}\n${inputs}`);
    if (multi) return mentions(inputs, label) ? 0.9 + 0.09 * f : 0.01 + 0.3 * f;
    return mentions(inputs, label) ? 4 + f : 0.2 + 0.8 * f;
  });
  const total = multi ? 1 : raw.reduce((a, b) => a + b, 0);
  const ranked = labels.map((label, i) => ({ label, score: raw[i] / total })).sort((a, b) => b.score - a.score);
  if (variant === 'labelscore') return ok(ranked);
  const legacy = { sequence: inputs, labels: ranked.map((r) => r.label), scores: ranked.map((r) => r.score) };
  return ok(variant === 'list' ? [legacy] : legacy);
}

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'my', 'his', 'her', 'our', 'their', 'it', 'this', 'that', 'he', 'she', 'we', 'they', 'you', 'in', 'on', 'at', 'there', 'what', 'who']);

/**
 * A span of the context: the first run of capitalised words (names, not sentence-opening function words)
 * that the question does not mention, else the context's last word. `{score, start, end, answer}`.
 */
export function questionAnswering({ inputs, variant }: JsonCall): Answer {
  if (!isRecord(inputs) || typeof inputs.question !== 'string') return fieldRequired('inputs.question');
  if (typeof inputs.context !== 'string') return fieldRequired('inputs.context');
  const { question, context } = inputs as { question: string; context: string };
  const asked = ` ${lowerWords(question).join(' ')} `;
  const runs = capitalisedRuns(context, (w) => !w.sentenceStart || !FUNCTION_WORDS.has(w.text.toLowerCase()));
  const run = runs.find((r) => !asked.includes(` ${lowerWords(r.map((w) => w.text).join(' ')).join(' ')} `));
  const last = splitWords(context).at(-1);
  const [start, end] = run ? [run[0].start, run[run.length - 1].end] : last ? [last.start, last.end] : [0, 0];
  const answer = { score: 0.5 + 0.49 * fraction(`${question}\n${context}`), start, end, answer: context.slice(start, end) };
  return ok(variant === 'list' ? [answer] : answer);
}

const isNumeric = (cell: string) => cell.trim() !== '' && Number.isFinite(Number(cell.replace(/,/g, '')));

/**
 * TAPAS-like: cells must be strings. "how many" → COUNT over the first column; "total"/"sum" → SUM over
 * the first all-numeric column; otherwise the last column of the row whose first cell the query names.
 */
export function tableQuestionAnswering({ inputs }: JsonCall): Answer {
  if (!isRecord(inputs)) return fieldRequired('inputs.query');
  const query = inputs.query ?? inputs.question;
  if (typeof query !== 'string') return fieldRequired('inputs.query');
  if (!isRecord(inputs.table)) return fieldRequired('inputs.table');
  const columns = Object.values(inputs.table);
  if (!columns.every(Array.isArray)) return fail(400, 'table columns must be lists of cells');
  if (!columns.every((col) => (col as unknown[]).every((cell) => typeof cell === 'string'))) return fail(400, 'table cells must be strings');
  const cols = columns as string[][];
  if (cols.some((col) => col.length !== cols[0].length)) return fail(400, 'table columns must all have the same length');

  const q = query.toLowerCase();
  const aggregate = (aggregator: string, c: number) =>
    ok({ answer: `${aggregator} > ${cols[c].join(', ')}`, coordinates: cols[c].map((_, r) => [r, c]), cells: cols[c], aggregator });
  if (q.includes('how many') && cols.length > 0) return aggregate('COUNT', 0);
  const numeric = cols.findIndex((col) => col.length > 0 && col.every(isNumeric));
  if (/total|sum/.test(q) && numeric >= 0) return aggregate('SUM', numeric);
  const row = cols.length > 0 ? cols[0].findIndex((cell) => cell.trim() !== '' && q.includes(cell.trim().toLowerCase())) : -1;
  if (row < 0) return ok({ answer: '', coordinates: [], cells: [], aggregator: 'NONE' });
  const last = cols.length - 1;
  return ok({ answer: cols[last][row], coordinates: [[row, last]], cells: [cols[last][row]], aggregator: 'NONE' });
}

function jaccard(a: string, b: string): number {
  const x = new Set(lowerWords(a));
  const y = new Set(lowerWords(b));
  const union = new Set([...x, ...y]).size;
  return union === 0 ? 1 : [...x].filter((w) => y.has(w)).length / union;
}

/** Jaccard overlap of lower-case words between the source and each sentence. */
export function sentenceSimilarity({ inputs }: JsonCall): Answer {
  if (!isRecord(inputs) || typeof inputs.source_sentence !== 'string') return fieldRequired('inputs.source_sentence');
  const { sentences } = inputs;
  if (!Array.isArray(sentences) || !sentences.every((s) => typeof s === 'string')) return fieldRequired('inputs.sentences');
  return ok(sentences.map((s) => jaccard(inputs.source_sentence as string, s)));
}
