// The result view of each task family.
import { h } from '../dom';
import { answerView } from './answer';
import { chatView } from './chat';
import { detectionView } from './detection';
import { entitiesView } from './entities';
import { generationView } from './generation';
import { rankedView } from './ranked';
import { segmentationView } from './segmentation';
import { tableAnswerView } from './tableAnswer';
import { textResultView } from './textResult';
import { captionView, speechView } from './transcript';
import type { ResultView, ViewContext } from './types';

export function renderView(ctx: ViewContext): ResultView {
  switch (ctx.task.id) {
    case 'TASK_TEXT_GENERATION':
      return generationView(ctx);
    case 'TASK_CONVERSATIONAL':
      return chatView(ctx);
    case 'TASK_SUMMARIZATION':
    case 'TASK_TRANSLATION':
      return { element: textResultView(ctx) };
    case 'TASK_TOKEN_CLASSIFICATION':
      return { element: entitiesView(ctx) };
    case 'TASK_QUESTION_ANSWERING':
      return { element: answerView(ctx) };
    case 'TASK_TABLE_QUESTION_ANSWERING':
      return { element: tableAnswerView(ctx) };
    case 'TASK_OBJECT_DETECTION':
      return { element: detectionView(ctx) };
    case 'TASK_IMAGE_SEGMENTATION':
      return { element: segmentationView(ctx) };
    case 'TASK_IMAGE_TO_TEXT':
      return { element: captionView(ctx) };
    case 'TASK_SPEECH_RECOGNITION':
      return { element: speechView(ctx) };
    case 'TASK_FILL_MASK':
    case 'TASK_TEXT_CLASSIFICATION':
    case 'TASK_ZERO_SHOT_CLASSIFICATION':
    case 'TASK_SENTENCE_SIMILARITY':
    case 'TASK_IMAGE_CLASSIFICATION':
    case 'TASK_AUDIO_CLASSIFICATION':
      return { element: rankedView(ctx) };
    default:
      return { element: h('p', { class: 'muted' }, 'No view for this task; see the JSON.') };
  }
}
