// Files meant for the article's attachments that arrived somewhere else (dropped on the body):
// the attachments list, while it is shown, takes them in as if dropped on it. A request with no
// list to take it answers false, and the sender says where files go instead.

type Taker = (files: File[]) => void;

let taker: Taker | null = null;

export function takeAttachRequests(take: Taker): () => void {
  taker = take;
  return () => {
    if (taker === take) taker = null;
  };
}

export function requestAttach(files: File[]): boolean {
  if (!taker || files.length === 0) return false;
  taker(files);
  return true;
}
