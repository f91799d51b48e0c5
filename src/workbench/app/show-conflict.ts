/** The dialog shown when a save finds the file changed on disk: both versions side by side, and a choice. */
import type { FileVersion } from './api-types.js';
import { byId } from './make-element.js';

export function showConflict(path: string, body: { disk: FileVersion; yours: FileVersion }, choices: { keepMine(): void; takeDisk(): void }): void {
  const dialog = byId<HTMLDialogElement>('conflict');
  byId('conflict-text').textContent = `${path} was changed on disk after you opened it. Choose which version to keep; nothing is lost until you do.`;
  byId<HTMLTextAreaElement>('conflict-disk').value = body.disk.text;
  byId<HTMLTextAreaElement>('conflict-yours').value = body.yours.text;
  byId('conflict-keep').onclick = () => {
    dialog.close();
    choices.keepMine();
  };
  byId('conflict-take').onclick = () => {
    dialog.close();
    choices.takeDisk();
  };
  byId('conflict-cancel').onclick = () => dialog.close();
  dialog.showModal();
}
