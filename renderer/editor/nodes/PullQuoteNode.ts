import {
  $applyNodeReplacement,
  $createLineBreakNode,
  $createParagraphNode,
  $getDocument,
  $isElementNode,
  addClassNamesToElement,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  ElementNode,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';

// The class that marks a pull quote in exported HTML, so WordPress themes and our own import
// can tell it from an ordinary block quote.
export const PULL_QUOTE_CLASS = 'pullquote';

function $convertPullQuoteElement(): DOMConversionOutput {
  return {
    node: $createPullQuoteNode(),
    // The exported shape wraps the text in <p>; a pull quote holds inline content, so nested
    // blocks are flattened, one line each, instead of leaving a paragraph inside it.
    after(children) {
      const flat: LexicalNode[] = [];
      for (const child of children) {
        if ($isElementNode(child) && !child.isInline()) {
          if (flat.length > 0) flat.push($createLineBreakNode());
          flat.push(...child.getChildren());
        } else {
          flat.push(child);
        }
      }
      return flat;
    },
  };
}

function isPullQuoteElement(element: HTMLElement): boolean {
  return element.classList.contains(PULL_QUOTE_CLASS);
}

// A quotation lifted out of the article and set large: a block like QuoteNode, but its own
// node so the publisher and the stylesheet can tell the two apart.
export class PullQuoteNode extends ElementNode {
  override $config() {
    return this.config('pullquote', {
      extends: ElementNode,
      importDOM: {
        // Priority 1 beats QuoteNode's blockquote (0) only when the class says it is ours.
        aside: (element: HTMLElement) => (isPullQuoteElement(element) ? { conversion: $convertPullQuoteElement, priority: 1 } : null),
        blockquote: (element: HTMLElement) => (isPullQuoteElement(element) ? { conversion: $convertPullQuoteElement, priority: 1 } : null),
      },
    });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('aside');
    addClassNamesToElement(element, config.theme.pullquote as string | undefined);
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const aside = doc.createElement('aside');
    aside.className = PULL_QUOTE_CLASS;
    const paragraph = doc.createElement('p');
    aside.append(paragraph);
    if (this.isEmpty()) paragraph.append(doc.createElement('br'));
    return { element: aside, append: (child) => paragraph.append(child) };
  }

  // Enter at the end of a pull quote continues the article in an ordinary paragraph.
  override insertNewAfter(selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode();
    paragraph.setTextFormat(selection.format);
    paragraph.setDirection(this.getDirection());
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  // Backspace at its start turns it back into a paragraph rather than merging it upwards.
  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    for (const child of this.getChildren()) paragraph.append(child);
    this.replace(paragraph);
    return true;
  }

  override canMergeWhenEmpty(): true {
    return true;
  }
}

export function $createPullQuoteNode(): PullQuoteNode {
  return $applyNodeReplacement(new PullQuoteNode());
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode;
}
