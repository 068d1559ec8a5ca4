import { createEditor, $getRoot, type LexicalEditor } from 'lexical';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BRIDGE_KEY } from '../../electron/contract.ts';
import { captionText, SerializedFigure, SerializedGallery } from '../../electron/model/figure.ts';
import { emptyCaption } from '../../renderer/editor/media/caption.ts';
import { isImageFile, moveItem, pastedImageFiles } from '../../renderer/editor/media/files.ts';
import { attachmentKind, formatSize, renameAttachment, splitSize } from '../../renderer/features/attachments/format.ts';

// The photo blocks' JSON is the contract with main (electron/model/figure.ts), and the small
// decisions around photos and attachments (what a paste imports, how a size or name reads).

const ID_A = 'a'.repeat(64);
const ID_B = 'b'.repeat(64);
const ID_C = 'c'.repeat(64);

// The node modules reach the bridge through the asset import; the page would have it on window.
const globals = globalThis as unknown as { window?: unknown };
beforeAll(() => {
  globals.window = { [BRIDGE_KEY]: { invoke: () => Promise.reject(new Error('no main here')), on: () => () => undefined } };
});
afterAll(() => {
  delete globals.window;
});

async function bodyEditor(): Promise<LexicalEditor> {
  const { articleNodes } = await import('../../renderer/editor/nodes.ts');
  return createEditor({
    namespace: 'test',
    nodes: [...articleNodes],
    onError: (error) => {
      throw error;
    },
  });
}

function captionWith(text: string, format = 0) {
  const caption = emptyCaption();
  const paragraph = caption.root.children[0] as unknown as { children: unknown[] };
  paragraph.children.push({ type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' });
  return caption;
}

function bodyOf(...blocks: unknown[]) {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: blocks } };
}

describe('photo blocks as stored', () => {
  test('a figure round-trips exactly, and matches the shared schema', async () => {
    const editor = await bodyEditor();
    const figure = {
      type: 'figure',
      version: 1,
      image: { assetId: ID_A, alt: '부산시의회 본회의장', credit: '사진=부산시의회', width: 1600, height: 1200 },
      caption: captionWith('조상진 의원이 발언하고 있다', 1),
      size: 'wide',
      align: 'right',
    };
    editor.setEditorState(editor.parseEditorState(JSON.stringify(bodyOf(figure))));
    const exported = editor.getEditorState().toJSON().root.children[0] as unknown as Record<string, unknown>;
    expect(SerializedFigure.parse(exported)).toEqual(exported);
    expect(exported.image).toEqual(figure.image);
    expect(exported.size).toBe('wide');
    expect(exported.align).toBe('right');
    expect(captionText(exported.caption)).toBe('조상진 의원이 발언하고 있다');
    const text = (exported.caption as { root: { children: Array<{ children: Array<{ format: number }> }> } }).root.children[0]!.children[0]!;
    expect(text.format).toBe(1);
  });

  test('a gallery keeps its photos in order with their own credit and alt text, and one caption', async () => {
    const editor = await bodyEditor();
    const images = [ID_A, ID_B, ID_C].map((assetId, index) => ({ assetId, alt: `사진 ${index}`, credit: `출처 ${index}`, width: null, height: null }));
    editor.setEditorState(editor.parseEditorState(JSON.stringify(bodyOf({ type: 'gallery', version: 1, images, caption: captionWith('행사 모습') }))));
    const exported = editor.getEditorState().toJSON().root.children[0] as unknown as Record<string, unknown>;
    expect(SerializedGallery.parse(exported)).toEqual(exported);
    expect(exported.images).toEqual(images);
    expect(captionText(exported.caption)).toBe('행사 모습');
  });

  test('a block written by another version still opens: bad values fall back, the caption text survives', async () => {
    const editor = await bodyEditor();
    const odd = {
      type: 'figure',
      version: 1,
      image: { assetId: ID_A, alt: 42, width: -3 },
      caption: { root: { type: 'root', children: [{ type: 'heading', tag: 'h2', children: [{ type: 'text', text: '제목 같은 설명' }] }] } },
      size: 'huge',
    };
    editor.setEditorState(editor.parseEditorState(JSON.stringify(bodyOf(odd))));
    const exported = editor.getEditorState().toJSON().root.children[0] as unknown as Record<string, unknown>;
    expect(SerializedFigure.parse(exported)).toEqual(exported);
    expect(exported.image).toEqual({ assetId: ID_A, alt: '', credit: '', width: null, height: null });
    expect(exported.size).toBe('inline');
    expect(exported.align).toBe('center');
    expect(captionText(exported.caption)).toBe('제목 같은 설명');
  });

  test('a gallery stored with one photo opens as that photo, keeping the caption', async () => {
    const editor = await bodyEditor();
    const image = { assetId: ID_A, alt: 'alt', credit: 'credit', width: 10, height: 10 };
    editor.setEditorState(editor.parseEditorState(JSON.stringify(bodyOf({ type: 'gallery', version: 1, images: [image], caption: captionWith('하나뿐') }))));
    const exported = editor.getEditorState().toJSON().root.children[0] as unknown as Record<string, unknown>;
    expect(exported).toMatchObject({ type: 'figure', image });
    expect(captionText(exported.caption)).toBe('하나뿐');
  });

  test('an edit in the caption editor is what the figure writes, and an empty caption is one empty paragraph', async () => {
    const editor = await bodyEditor();
    const { $createFigureNode, $isFigureNode } = await import('../../renderer/editor/nodes/FigureNode.tsx');
    const { $createParagraphNode, $createTextNode } = await import('lexical');
    editor.update(() => $getRoot().append($createFigureNode({ image: { assetId: ID_A, alt: '', credit: '', width: null, height: null } })), { discrete: true });
    const stored = () => editor.getEditorState().toJSON().root.children[0] as unknown as { caption: ReturnType<typeof emptyCaption> };
    expect(stored().caption.root.children).toHaveLength(1);
    expect(captionText(stored().caption)).toBe('');

    const caption = editor.getEditorState().read(() => {
      const node = $getRoot().getFirstChild();
      return $isFigureNode(node) ? node.getCaption() : null;
    })!;
    let commits = 0;
    caption.onCommit(() => commits++);
    caption.editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        root.append($createParagraphNode().append($createTextNode('△ 없이 쓴 설명')));
      },
      { discrete: true },
    );
    expect(commits).toBe(1);
    expect(captionText(stored().caption)).toBe('△ 없이 쓴 설명');
  });
});

describe('what a paste or drop imports', () => {
  const file = (name: string, type: string) => new File([new Uint8Array([1, 2, 3])], name, { type });
  const clipboard = (files: File[], html = '', plain = '') => ({ files, getData: (type: string) => (type === 'text/html' ? html : type === 'text/plain' ? plain : '') });

  test('photos by type, or by name when the OS gives no type', () => {
    expect(isImageFile(file('a.jpg', 'image/jpeg'))).toBe(true);
    expect(isImageFile(file('IMG_0001.HEIC', ''))).toBe(true);
    expect(isImageFile(file('report.pdf', 'application/pdf'))).toBe(false);
    expect(isImageFile(file('notes.txt', ''))).toBe(false);
  });

  test('a screenshot, or a copied image with a scrap of HTML, is imported; a copy from Word with its picture is text', () => {
    const png = file('image.png', 'image/png');
    expect(pastedImageFiles(clipboard([png]))).toEqual([png]);
    expect(pastedImageFiles(clipboard([png], '<meta charset="utf-8"><img src="https://example.com/a.png" alt="">'))).toEqual([png]);
    expect(pastedImageFiles(clipboard([png], '<p>부산시의회는 오늘</p>', '부산시의회는 오늘'))).toEqual([]);
    expect(pastedImageFiles(clipboard([png], '', 'a sentence copied with it'))).toEqual([]);
    expect(pastedImageFiles(clipboard([file('a.pdf', 'application/pdf')]))).toEqual([]);
    expect(pastedImageFiles(null)).toEqual([]);
  });

  test('moving an item', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});

describe('the attachment list', () => {
  test('sizes read as people read them', () => {
    expect(formatSize(0, 'en')).toBe('0 B');
    expect(formatSize(812, 'en')).toBe('812 B');
    expect(formatSize(4300, 'en')).toBe('4.2 KB');
    expect(formatSize(18 * 1024 * 1024 + 5000, 'ko')).toBe('18 MB');
    expect(splitSize(1024 * 1024 - 1)).toEqual({ value: 1, unit: 'MB' });
    expect(formatSize(1536 * 1024 * 1024, 'en')).toBe('1.5 GB');
  });

  test('types from the type read in the bytes, with the name telling Office and Hangul files from ZIP', () => {
    expect(attachmentKind('보도자료.pdf', 'application/pdf')).toBe('pdf');
    expect(attachmentKind('회의록.hwp', 'application/x-hwp')).toBe('hwp');
    expect(attachmentKind('회의록.hwp', 'application/x-cfb')).toBe('hwp');
    expect(attachmentKind('예산.xlsx', 'application/zip')).toBe('xlsx');
    expect(attachmentKind('자료.hwpx', 'application/zip')).toBe('hwpx');
    expect(attachmentKind('묶음.zip', 'application/zip')).toBe('zip');
    expect(attachmentKind('사진.jpg', 'image/jpeg')).toBe('image');
    expect(attachmentKind('noname', 'application/octet-stream')).toBe('other');
  });

  test('a new name keeps the file what it is and stays safe to save under', () => {
    expect(renameAttachment('press-release.pdf', '보도자료')).toEqual({ ok: true, name: '보도자료.pdf' });
    expect(renameAttachment('press-release.pdf', ' 보도자료.PDF ')).toEqual({ ok: true, name: '보도자료.PDF' });
    expect(renameAttachment('a.pdf', '../../etc/passwd')).toEqual({ ok: true, name: '-..-etc-passwd.pdf' });
    expect(renameAttachment('a.pdf', 'line\nbreak\u0000')).toEqual({ ok: true, name: 'linebreak.pdf' });
    expect(renameAttachment('a.pdf', '회의록.hwp')).toEqual({ ok: true, name: '회의록.hwp.pdf' });
    expect(renameAttachment('a.pdf', '   ')).toEqual({ ok: false, reason: 'empty' });
    expect(renameAttachment('a.pdf', 'x'.repeat(260))).toEqual({ ok: false, reason: 'tooLong' });
  });
});
