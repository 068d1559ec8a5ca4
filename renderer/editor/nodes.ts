import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { FigureNode } from './nodes/FigureNode.tsx';
import { GalleryNode } from './nodes/GalleryNode.tsx';
import { PullQuoteNode } from './nodes/PullQuoteNode.ts';
import { SuggestionBreakNode } from './review/SuggestionBreakNode.ts';
import { SuggestionDeleteNode, SuggestionInsertNode } from './review/SuggestionNodes.ts';

// Every node an article body may contain. Paste and import produce only these.
export const articleNodes: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  HorizontalRuleNode,
  PullQuoteNode,
  FigureNode,
  GalleryNode,
  // Review: comment marks ('mark', with the thread ids) and suggested changes.
  MarkNode,
  SuggestionInsertNode,
  SuggestionDeleteNode,
  SuggestionBreakNode,
];
