import { $isLinkNode } from '@lexical/link';
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  type ElementTransformer,
  HEADING,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  type TextMatchTransformer,
  type Transformer,
  UNORDERED_LIST,
} from '@lexical/markdown';
import { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { checkLinkUrl } from './link/url.ts';

// Articles have three heading levels (the site's templates style no more), so "#### " stays text.
const HEADING_1_TO_3: ElementTransformer = { ...HEADING, regExp: /^(#{1,3})\s/ };

// Written against the HorizontalRuleNode this editor registers (the React one), not the one
// Lexical's default list would create, so the node matches the registered class.
const HORIZONTAL_RULE: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parent, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode();
    if (isImport || parent.getNextSibling() !== null) parent.replace(rule);
    else parent.insertBefore(rule);
    rule.selectNext();
  },
  triggerOnEnter: true,
  type: 'element',
};

const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;

// "[text](url)" becomes a link only when the URL would pass the link editor's check too.
const SAFE_LINK: TextMatchTransformer = {
  ...LINK,
  replace: (textNode, match) => {
    const raw = (match[2] ?? match[3] ?? '').replace(MARKDOWN_ESCAPE, '$1');
    const check = checkLinkUrl(raw);
    if (!check.ok || !LINK.replace) return;
    const linkText = LINK.replace(textNode, match);
    const link = linkText?.getParent();
    if ($isLinkNode(link)) link.setURL(check.url);
    return linkText;
  },
};

// Lexical's TRANSFORMERS without code (articles have none), highlight (no such format here)
// and its unchecked link, plus the horizontal rule.
export const ARTICLE_TRANSFORMERS: Transformer[] = [
  HORIZONTAL_RULE,
  HEADING_1_TO_3,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  SAFE_LINK,
];
