// The inbox's keyboard shortcuts, opened with "?".

import { Dialog } from '../ui/Dialog';

const SHORTCUTS: Array<[string, string]> = [
  ['j', 'Next card'],
  ['k', 'Previous card'],
  ['a', 'Approve the selected card'],
  ['r', 'Reject the selected card, with a reason'],
  ['?', 'Show this help'],
  ['Esc', 'Close a dialog'],
];

export function HelpDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={props.open} title="Keyboard shortcuts" onClose={props.onClose}>
      <dl className="shortcuts">
        {SHORTCUTS.map(([key, meaning]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Approving and rejecting need the reviewer or operator role.</p>
      <div className="actions">
        <button type="button" className="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
