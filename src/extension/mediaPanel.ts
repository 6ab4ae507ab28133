// "Show in Panel" for image and audio results: the task's panel opens with the file,
// the model and the result the run gave (no new request), where boxes, masks and
// transcripts are shown richly and the run can be tried again with other parameters.
import type { TaskInput, TaskOutput } from '../executor';
import type { CommandContext } from './commandContext';
import { loadExecutor, taskInfo } from './lazyExecutor';
import { MediaFileError, readMediaFile, type MediaFile } from './mediaReader';
import type { MediaResults } from './mediaResults';
import type { ShowInPanel } from './panels';
import { showWarning } from './notify';

export const SHOW_IN_PANEL = 'huggingface.showMediaInPanel';

/** Result `id`'s file number `index` (else the latest result's first file that has an output) in its task's panel. */
export async function showMediaInPanel(ctx: CommandContext, showInPanel: ShowInPanel, media: MediaResults, id?: unknown, index?: unknown): Promise<boolean> {
  const found = media.item(id, index);
  if (!found) return false;
  const { result, item } = found;
  const kind = (await taskInfo(result.task)).mediaField ?? 'image';
  // Read again (it may have changed, and is streamed from disk when local), with the same checks as a run.
  let file: MediaFile;
  try {
    file = await readMediaFile(item.uri, kind, ctx.settings.current.maxMediaBytes, (await loadExecutor()).sniffMediaType);
  } catch (e) {
    if (!(e instanceof MediaFileError)) throw e;
    void showWarning(e.message);
    return false;
  }
  const input: TaskInput = { model: result.model, [kind]: file.data };
  await showInPanel(result.task, input, item.output as TaskOutput, { mediaName: item.name });
  return true;
}
