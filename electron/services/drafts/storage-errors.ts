import { AppError } from '../../model/errors.ts';

// SQLite's primary result codes (the low byte of an extended code) that mean something to the
// writer. node:sqlite puts the code on the error as `errcode`.
const SQLITE_PERM = 3;
const SQLITE_READONLY = 8;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_NOTADB = 26;

const FULL_ERRNO = new Set(['ENOSPC', 'EDQUOT']);
const READ_ONLY_ERRNO = new Set(['EACCES', 'EPERM', 'EROFS']);

export function sqliteCode(error: unknown): number | undefined {
  if (error instanceof Error && 'errcode' in error && typeof error.errcode === 'number') return error.errcode & 0xff;
  return undefined;
}

function errno(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

// The file is not a database, or its pages do not add up: the one case that calls for recovery.
// Busy, locked, read-only or full are not damage, and a file that is merely unreachable must
// never be moved aside.
export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

// A disk problem becomes an error the writer can act on ("free some space"), in their language;
// anything else is left as it is for the dispatcher to log as internal.
export function toStorageError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = sqliteCode(error);
  const os = errno(error);
  if (code === SQLITE_FULL || (os && FULL_ERRNO.has(os))) return new AppError('storage_full', 'errors.storageFull');
  if (code === SQLITE_READONLY || code === SQLITE_PERM || (os && READ_ONLY_ERRNO.has(os))) {
    return new AppError('storage_read_only', 'errors.storageReadOnly');
  }
  if (isCorruption(error)) return new AppError('storage_corrupt', 'errors.storageCorrupt');
  return error;
}

// Every call on the store, today's methods and any added later, answers disk errors as
// AppErrors, without each method having to remember to.
export function mapStorageErrors<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        } catch (error) {
          throw toStorageError(error);
        }
      };
    },
  });
}
