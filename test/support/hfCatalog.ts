// The models the test server knows: the task table's defaults, a few more
// real-looking ones per task (the Hub search lists them), and the convention
// `shape/<pipeline-tag>/<variant>` that picks one of a task's alternative
// response shapes (or `not-served`) without needing a real model id.
import { TASK_TABLE } from '../../src/executor/tasks';

export interface CatalogModel {
  id: string;
  pipelineTag: string;
  /** Served through chat completions (has a chat template). */
  chat: boolean;
  /** Inference providers that serve it; empty = not served. */
  providers: string[];
  downloads: number;
  likes: number;
  library: string;
  /** A named alternative response shape, `default` otherwise. */
  variant: string;
}

/** Alternative response shapes per pipeline tag (`shape/<tag>/<variant>`); every tag also has `default` and `not-served`. */
export const VARIANTS: Record<string, readonly string[]> = {
  'text-classification': ['flat'],
  summarization: ['object'],
  'zero-shot-classification': ['list', 'labelscore'],
  'question-answering': ['list'],
  'text-generation': ['object'],
  'object-detection': ['empty'],
  'image-segmentation': ['null-score'],
  'image-to-text': ['object'],
  'automatic-speech-recognition': ['chunks'],
};

/** Pipeline tags the server answers; `chat` is the shape tag of chat models. */
const PIPELINE_TAGS = [...new Set(TASK_TABLE.map((t) => t.pipelineTag))];

const CHAT_PROVIDERS = ['together', 'novita'];

type Row = [id: string, downloads: number, likes: number, options?: { library?: string; chat?: boolean; providers?: string[] }];

// Downloads and likes are made up but ordered like the real Hub's.
const ROWS: Record<string, Row[]> = {
  'text-classification': [
    ['distilbert/distilbert-base-uncased-finetuned-sst-2-english', 4_100_000, 780],
    ['cardiffnlp/twitter-roberta-base-sentiment-latest', 2_300_000, 690],
    ['ProsusAI/finbert', 1_200_000, 910],
    ['SamLowe/roberta-base-go_emotions', 640_000, 560, { providers: [] }],
  ],
  'fill-mask': [
    ['google-bert/bert-base-uncased', 52_000_000, 2300],
    ['FacebookAI/roberta-base', 13_000_000, 520],
    ['distilbert/distilbert-base-uncased', 9_800_000, 690],
  ],
  summarization: [
    ['facebook/bart-large-cnn', 3_400_000, 1400],
    ['sshleifer/distilbart-cnn-12-6', 890_000, 280],
    ['google/pegasus-xsum', 120_000, 200, { providers: [] }],
  ],
  translation: [
    ['google-t5/t5-small', 3_100_000, 450],
    ['Helsinki-NLP/opus-mt-en-fr', 720_000, 150],
    ['Helsinki-NLP/opus-mt-en-de', 640_000, 60],
    ['facebook/nllb-200-distilled-600M', 410_000, 700, { providers: [] }],
  ],
  'token-classification': [
    ['dslim/bert-base-NER', 2_900_000, 620],
    ['FacebookAI/xlm-roberta-large-finetuned-conll03-english', 240_000, 170],
    ['Jean-Baptiste/camembert-ner', 180_000, 110],
  ],
  'zero-shot-classification': [
    ['facebook/bart-large-mnli', 3_000_000, 1300],
    ['MoritzLaurer/deberta-v3-large-zeroshot-v2.0', 160_000, 100],
    ['MoritzLaurer/mDeBERTa-v3-base-mnli-xnli', 150_000, 260],
  ],
  'question-answering': [
    ['deepset/roberta-base-squad2', 1_000_000, 880],
    ['distilbert/distilbert-base-cased-distilled-squad', 260_000, 220],
    ['google-bert/bert-large-uncased-whole-word-masking-finetuned-squad', 120_000, 170],
  ],
  'table-question-answering': [
    ['google/tapas-base-finetuned-wtq', 60_000, 210],
    ['google/tapas-large-finetuned-wtq', 30_000, 120],
    ['microsoft/tapex-base-finetuned-wtq', 9_000, 20, { providers: [] }],
  ],
  'sentence-similarity': [
    ['sentence-transformers/all-MiniLM-L6-v2', 90_000_000, 3600, { library: 'sentence-transformers' }],
    ['sentence-transformers/all-mpnet-base-v2', 21_000_000, 1100, { library: 'sentence-transformers' }],
    ['sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2', 6_000_000, 900, { library: 'sentence-transformers' }],
  ],
  'text-generation': [
    ['Qwen/Qwen2.5-7B-Instruct', 5_200_000, 760, { chat: true, providers: ['hf-inference', ...CHAT_PROVIDERS] }],
    ['meta-llama/Llama-3.1-8B-Instruct', 6_400_000, 4500, { chat: true, providers: CHAT_PROVIDERS }],
    ['mistralai/Mistral-7B-Instruct-v0.3', 1_900_000, 1800, { chat: true, providers: ['together'] }],
    ['HuggingFaceTB/SmolLM2-1.7B-Instruct', 300_000, 660, { chat: true, providers: [] }],
    ['openai-community/gpt2', 11_000_000, 2800, { providers: [] }],
  ],
  'image-classification': [
    ['google/vit-base-patch16-224', 3_600_000, 850],
    ['Falconsai/nsfw_image_detection', 80_000_000, 790],
    ['microsoft/resnet-50', 200_000, 400],
  ],
  'image-segmentation': [
    ['nvidia/segformer-b0-finetuned-ade-512-512', 310_000, 160],
    ['facebook/mask2former-swin-large-coco-panoptic', 40_000, 30],
    ['facebook/detr-resnet-50-panoptic', 30_000, 130, { providers: [] }],
  ],
  'object-detection': [
    ['facebook/detr-resnet-50', 1_100_000, 870],
    ['facebook/detr-resnet-101', 90_000, 110],
    ['hustvl/yolos-tiny', 60_000, 270],
  ],
  'image-to-text': [
    ['Salesforce/blip-image-captioning-large', 1_500_000, 1300],
    ['Salesforce/blip-image-captioning-base', 1_000_000, 700],
    ['nlpconnect/vit-gpt2-image-captioning', 700_000, 900],
  ],
  'automatic-speech-recognition': [
    ['openai/whisper-large-v3', 5_000_000, 4600],
    ['openai/whisper-large-v3-turbo', 4_500_000, 2300],
    ['openai/whisper-tiny', 800_000, 330],
    ['facebook/wav2vec2-base-960h', 1_200_000, 360],
  ],
  'audio-classification': [
    ['superb/hubert-large-superb-er', 40_000, 20],
    ['ehcalabres/wav2vec2-lg-xlsr-en-speech-emotion-recognition', 30_000, 190],
    ['MIT/ast-finetuned-audioset-10-10-0.4593', 400_000, 320],
  ],
};

/** hf-inference serves the tasks the task table marks `served`; the rest need endpoints or chat providers. */
function defaultProviders(tag: string): string[] {
  return TASK_TABLE.some((t) => t.pipelineTag === tag && t.availability === 'served') ? ['hf-inference'] : [];
}

// The task table's defaults are known even if they change and the rows above lag behind;
// a model that is the default of a chat task is a chat model.
const listed = new Set(Object.values(ROWS).flatMap((rows) => rows.map(([id]) => id)));
const isChatDefault = (id: string) => TASK_TABLE.some((t) => t.defaultModel === id && t.transport === 'chat');
const tableRows = new Map<string, [string, Row]>(
  TASK_TABLE.filter((t) => !listed.has(t.defaultModel)).map((t) => [
    t.defaultModel,
    [t.pipelineTag, [t.defaultModel, 1000, 10, isChatDefault(t.defaultModel) ? { chat: true, providers: CHAT_PROVIDERS } : {}]],
  ]),
);

const CATALOG: readonly CatalogModel[] = [...Object.entries(ROWS).flatMap(([tag, rows]) => rows.map((r): [string, Row] => [tag, r])), ...tableRows.values()].map(
  ([tag, [id, downloads, likes, o = {}]]) => ({
    id,
    pipelineTag: tag,
    chat: o.chat ?? false,
    providers: o.providers ?? defaultProviders(tag),
    downloads,
    likes,
    library: o.library ?? 'transformers',
    variant: 'default',
  }),
);

const byId = new Map(CATALOG.map((m) => [m.id, m]));

/** The model behind an id: a catalog entry or a `shape/<tag>/<variant>` model. */
export function findModel(id: string): CatalogModel | undefined {
  const shape = /^shape\/([^/]+)\/([^/]+)$/.exec(id);
  if (!shape) return byId.get(id);
  const [, tag, variant] = shape;
  const chat = tag === 'chat';
  if (!chat && !PIPELINE_TAGS.includes(tag)) return undefined;
  if (variant !== 'default' && variant !== 'not-served' && !(VARIANTS[tag] ?? []).includes(variant)) return undefined;
  return {
    id,
    pipelineTag: chat ? 'text-generation' : tag,
    chat,
    providers: variant === 'not-served' ? [] : ['hf-inference'],
    downloads: 0,
    likes: 0,
    library: 'transformers',
    variant,
  };
}

/** A model as `GET /api/models` lists it. */
function hubItem(m: CatalogModel) {
  const tags = [m.library, m.pipelineTag, ...(m.chat ? ['conversational'] : []), 'region:us'];
  return { id: m.id, pipeline_tag: m.pipelineTag, downloads: m.downloads, likes: m.likes, tags, library_name: m.library, private: false, gated: false };
}

/** `GET /api/models?pipeline_tag&search&sort&limit&inference_provider` over the catalog. */
export function searchHub(query: URLSearchParams): ReturnType<typeof hubItem>[] {
  const tag = query.get('pipeline_tag');
  const search = query.get('search')?.toLowerCase();
  const provider = query.get('inference_provider') ?? (query.get('inference') === 'warm' ? 'all' : undefined);
  const sortKey = query.get('sort') === 'likes' ? 'likes' : 'downloads';
  const limit = Number(query.get('limit') ?? Infinity);
  return CATALOG.filter((m) => !tag || m.pipelineTag === tag)
    .filter((m) => !search || m.id.toLowerCase().includes(search))
    .filter((m) => !provider || (provider === 'all' ? m.providers.length > 0 : m.providers.includes(provider)))
    .sort((a, b) => b[sortKey] - a[sortKey])
    .slice(0, limit > 0 ? limit : undefined)
    .map(hubItem);
}

/** `GET /api/models/{id}?expand[]=inferenceProviderMapping`: chat models are mapped to the `conversational` task. */
export function hubModelInfo(m: CatalogModel) {
  const task = m.chat ? 'conversational' : m.pipelineTag;
  const mapping = Object.fromEntries(m.providers.map((p) => [p, { status: 'live', providerId: m.id, task }]));
  return { ...hubItem(m), inferenceProviderMapping: mapping };
}
