import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { JSX } from 'react';
import type { FigureImage, SerializedCaption, SerializedGallery } from '../../../electron/model/figure.ts';
import { captionText } from '../../../electron/model/figure.ts';
import { Caption } from '../media/caption.ts';
import { GALLERY_MAX, GALLERY_MIN } from '../media/files.ts';
import { GalleryView } from '../media/GalleryView.tsx';
import { readImage, thumbnailUrl } from '../media/image-json.ts';
import { $createFigureNode } from './FigureNode.tsx';

export interface GalleryInit {
  images: FigureImage[];
  caption?: Caption | SerializedCaption | null;
}

// Two to six photos shown together with one caption; each photo keeps its own credit and alt
// text. Serializes to exactly SerializedGallery (electron/model/figure.ts).
export class GalleryNode extends DecoratorNode<JSX.Element> {
  __images: readonly FigureImage[];
  __caption: Caption;

  static override getType(): string {
    return 'gallery';
  }

  static override clone(node: GalleryNode): GalleryNode {
    return new GalleryNode({ images: node.__images as FigureImage[], caption: node.__caption }, node.__key);
  }

  // A gallery stored with fewer than two photos (written by hand or by another version) opens
  // as the photo it is, or as an empty paragraph, so it can be saved again.
  static override importJSON(json: SerializedGallery): LexicalNode {
    const images = Array.isArray(json.images) ? json.images.slice(0, GALLERY_MAX).map(readImage) : [];
    if (images.length >= GALLERY_MIN) return $createGalleryNode({ images, caption: json.caption ?? null });
    if (images.length === 1) return $createFigureNode({ image: images[0]!, caption: json.caption ?? null });
    return $createParagraphNode();
  }

  constructor(init: GalleryInit, key?: NodeKey) {
    super(key);
    this.__images = init.images;
    this.__caption = init.caption instanceof Caption ? init.caption : new Caption(init.caption ?? null);
  }

  override exportJSON(): SerializedGallery {
    return {
      type: 'gallery',
      version: 1,
      images: this.__images.map(({ assetId, alt, credit, width, height }) => ({ assetId, alt, credit, width, height })),
      caption: this.__caption.committed,
    };
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const figure = doc.createElement('figure');
    figure.className = 'gallery';
    for (const image of this.__images) {
      const img = doc.createElement('img');
      img.src = thumbnailUrl(image.assetId);
      img.alt = image.alt;
      figure.append(img);
    }
    const text = captionText(this.__caption.committed);
    if (text) {
      const caption = doc.createElement('figcaption');
      caption.textContent = text;
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

  getImages(): readonly FigureImage[] {
    return this.getLatest().__images;
  }

  getCaption(): Caption {
    return this.getLatest().__caption;
  }

  setImages(images: readonly FigureImage[]): this {
    const writable = this.getWritable();
    writable.__images = images;
    return writable;
  }

  override decorate(): JSX.Element {
    return <GalleryView nodeKey={this.__key} images={this.__images} caption={this.__caption} />;
  }
}

export function $createGalleryNode(init: GalleryInit): GalleryNode {
  return $applyNodeReplacement(new GalleryNode(init));
}

export function $isGalleryNode(node: LexicalNode | null | undefined): node is GalleryNode {
  return node instanceof GalleryNode;
}
