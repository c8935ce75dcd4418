// The inbox's keyboard shortcuts, opened with "?".

import { Dialog } from '../ui/Dialog';

const SHORTCUTS: Array<[string, string]> = [
  ['j', 'Next card'],
  ['k', 'Previous card'],
  ['a', 'Approve the selected card'],
  ['e', 'Edit the selected card’s text, see the changes, then approve'],
  ['r', 'Reject the selected card, with a reason'],
  ['x', 'Tick or untick the selected card for batch approval'],
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
      <p className="muted">
        Approving, editing and rejecting need the reviewer or operator role. A batch approves every
        ticked card, or none if one cannot be approved.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
