// Shows media by URL: an image, an audio or a video player; a file only the server can read is
// named instead. Images are described by the text they accompany (`label`).

import type { MediaRef } from './media';

export function MediaPreview(props: { media: MediaRef[]; label: string }) {
  if (props.media.length === 0) return null;
  return (
    <ul className="media" aria-label="Media">
      {props.media.map((item, index) => (
        <li key={`${item.name}-${index}`}>
          <MediaItem item={item} label={props.label} />
        </li>
      ))}
    </ul>
  );
}

function MediaItem(props: { item: MediaRef; label: string }) {
  const { item } = props;
  if (!item.url) {
    return (
      <span className="media-file">
        {item.kind === 'file' ? 'File' : `${item.kind[0]?.toUpperCase()}${item.kind.slice(1)}`} on
        the server: <code>{item.name}</code>
      </span>
    );
  }
  switch (item.kind) {
    case 'image':
      return <img src={item.url} alt={`Media for: ${short(props.label)}`} loading="lazy" />;
    case 'audio':
      // biome-ignore lint/a11y/useMediaCaption: agents' audio comes with its script as the text.
      return <audio src={item.url} controls preload="none" aria-label={`Audio: ${item.name}`} />;
    case 'video':
      return (
        // biome-ignore lint/a11y/useMediaCaption: agents' video comes with its script as the text.
        <video src={item.url} controls preload="metadata" aria-label={`Video: ${item.name}`} />
      );
    default:
      return (
        <a href={item.url} rel="noreferrer noopener" target="_blank">
          {item.name}
        </a>
      );
  }
}

/** The first line of `text`, at most 120 characters. */
function short(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
