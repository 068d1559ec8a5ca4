import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_LINK_EDITOR_COMMAND } from '../commands.ts';
import { ToolbarButton } from '../toolbar/ToolbarButton.tsx';
import { useRovingFocus } from '../toolbar/useRovingFocus.ts';
import { useSelectionFormat } from '../toolbar/useSelectionFormat.ts';
import type { Caption } from './caption.ts';
import { FORMAT_TEXT_COMMAND } from 'lexical';

// A photo's or gallery's controls: one Tab stop, arrow keys inside, as the body's toolbar.
export function MediaToolbar({ label, children }: { label: string; children: ReactNode }) {
  const { containerRef, onKeyDown, onFocus } = useRovingFocus<HTMLDivElement>();
  return (
    <div ref={containerRef} role="toolbar" aria-label={label} className="media-toolbar" onKeyDown={onKeyDown} onFocus={onFocus}>
      {children}
    </div>
  );
}

export function ToolbarSeparator() {
  return <span role="separator" aria-orientation="vertical" className="toolbar-separator" />;
}

// Bold, italic and link for the caption: act on its selection and leave the caret there.
export function CaptionFormatButtons({ caption }: { caption: Caption }) {
  const { t } = useTranslation();
  const format = useSelectionFormat(caption.editor);
  const editor = caption.editor;
  return (
    <>
      <ToolbarButton
        label={t('media.captionBold')}
        glyph={<b>B</b>}
        shortcut="bold"
        pressed={format.bold}
        onPress={() => editor.focus(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'))}
      />
      <ToolbarButton
        label={t('media.captionItalic')}
        glyph={<i>I</i>}
        shortcut="italic"
        pressed={format.italic}
        onPress={() => editor.focus(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'))}
      />
      <ToolbarButton
        label={t('media.captionLink')}
        glyph={<LinkGlyph />}
        shortcut="link"
        pressed={format.link}
        onPress={() => editor.focus(() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined))}
      />
    </>
  );
}

function LinkGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
      <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
    </svg>
  );
}

// Alignment drawn as lines of text set left, centred or right.
export function AlignGlyph({ align }: { align: 'left' | 'center' | 'right' }) {
  const short = align === 'left' ? 'M4 14h10' : align === 'right' ? 'M10 14h10' : 'M7 14h10';
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M4 6h16" />
      <path d="M4 10h16" />
      <path d={short} />
      <path d="M4 18h16" />
    </svg>
  );
}
