// Article ⇄ WordPress post in native block markup. Pure: no network, no files.
export { serializeArticle, type PostMeta, type SerializedPost } from './serialize-article.ts';
export { parsePost, fillRemoteMedia, type ParsedPost, type ParseOptions, type RemotePost } from './parse-post.ts';
export type { RemoteFileRef, RemoteMediaRef } from './block-parse.ts';
export { encodeArticleDocument } from './article-document.ts';
export {
  DEFAULT_CLASS_PREFIX,
  englishLabels,
  koreanLabels,
  type BlockLabels,
  type RemoteFile,
  type RemoteImage,
  type SerializeContext,
} from './publish-context.ts';
