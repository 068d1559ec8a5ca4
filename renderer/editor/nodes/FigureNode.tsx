import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { JSX } from 'react';
import type { FigureImage, SerializedCaption, SerializedFigure } from '../../../electron/model/figure.ts';
import { captionText } from '../../../electron/model/figure.ts';
import { Caption } from '../media/caption.ts';
import { FigureView } from '../media/FigureView.tsx';
import { type FigureAlignValue, type FigureSizeValue, readAlign, readImage, readSize, thumbnailUrl } from '../media/image-json.ts';

export interface FigureInit {
  image: FigureImage;
  size?: FigureSizeValue;
  align?: FigureAlignValue;
  caption?: Caption | SerializedCaption | null;
}

// A photo in the body: the image (by asset id), its caption as a nested document, credit, alt
// text, size and alignment. It serializes to exactly SerializedFigure (electron/model/figure.ts),
// the shape main reads to publish the photo and to know which assets the draft uses.
export class FigureNode extends DecoratorNode<JSX.Element> {
  __image: FigureImage;
  __size: FigureSizeValue;
  __align: FigureAlignValue;
  // Shared by every version of this node, as the nested editor is one for the photo's life.
  __caption: Caption;

  static override getType(): string {
    return 'figure';
  }

  static override clone(node: FigureNode): FigureNode {
    return new FigureNode({ image: node.__image, size: node.__size, align: node.__align, caption: node.__caption }, node.__key);
  }

  static override importJSON(json: SerializedFigure): FigureNode {
    return $createFigureNode({ image: readImage(json.image), size: readSize(json.size), align: readAlign(json.align), caption: json.caption ?? null });
  }

  constructor(init: FigureInit, key?: NodeKey) {
    super(key);
    this.__image = init.image;
    this.__size = init.size ?? 'inline';
    this.__align = init.align ?? 'center';
    this.__caption = init.caption instanceof Caption ? init.caption : new Caption(init.caption ?? null);
  }

  override exportJSON(): SerializedFigure {
    const image = this.__image;
    return {
      type: 'figure',
      version: 1,
      image: { assetId: image.assetId, alt: image.alt, credit: image.credit, width: image.width, height: image.height },
      caption: this.__caption.committed,
      size: this.__size,
      align: this.__align,
    };
  }

  // For copying out of the app: a plain <figure>, its caption as text.
  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const figure = doc.createElement('figure');
    const img = doc.createElement('img');
    img.src = thumbnailUrl(this.__image.assetId);
    img.alt = this.__image.alt;
    figure.append(img);
    const text = captionText(this.__caption.committed);
    if (text || this.__image.credit) {
      const caption = doc.createElement('figcaption');
      caption.textContent = [text, this.__image.credit].filter(Boolean).join(' ');
      figure.append(caption);
    }
    return { element: figure };
  }

  override createDOM(): HTMLElement {
    const element = $getDocument().createElement('div');
    element.className = 'ed-media';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  getImage(): FigureImage {
    return this.getLatest().__image;
  }

  getCaption(): Caption {
    return this.getLatest().__caption;
  }

  setImage(patch: Partial<FigureImage>): this {
    const writable = this.getWritable();
    writable.__image = { ...writable.__image, ...patch };
    return writable;
  }

  setSize(size: FigureSizeValue): this {
    const writable = this.getWritable();
    writable.__size = size;
    return writable;
  }

  setAlign(align: FigureAlignValue): this {
    const writable = this.getWritable();
    writable.__align = align;
    return writable;
  }

  override decorate(): JSX.Element {
    return <FigureView nodeKey={this.__key} image={this.__image} size={this.__size} align={this.__align} caption={this.__caption} />;
  }
}

export function $createFigureNode(init: FigureInit): FigureNode {
  return $applyNodeReplacement(new FigureNode(init));
}

export function $isFigureNode(node: LexicalNode | null | undefined): node is FigureNode {
  return node instanceof FigureNode;
}
