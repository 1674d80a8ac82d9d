import { hash as sha } from "node:crypto";

/**
 * The hash chain of the audit log, kept free of Prisma so that the app, the verifier script and the tests
 * compute it the same way.
 *
 * hash(n) = SHA-256( hash(n-1) || canonical(event n) ), with hash(0) = GENESIS_HASH.
 * canonical() is JSON of the event's fields in a fixed order with dates as ISO-8601 UTC strings.
 */
export const GENESIS_HASH = "0".repeat(64);

/** The fields canonical() hashes, in its order: the exports' metadata and the large-data writer name them from here. */
export const CHAIN_FIELDS = [
  "seq",
  "occurredAt",
  "actorId",
  "actorEmail",
  "action",
  "entityType",
  "entityId",
  "projectId",
  "before",
  "after",
  "reason",
  "requestId",
  "ip",
] as const satisfies readonly (keyof ChainedFields)[];

export type ChainedFields = {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  projectId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
};

export function canonicalEvent(event: ChainedFields): string {
  return canonicalText({ ...event, occurredAt: event.occurredAt.toISOString() });
}

/** canonical() with the occurrence already written as `Date.toISOString()` writes it. */
export function canonicalText(event: Omit<ChainedFields, "occurredAt"> & { occurredAt: string }): string {
  return JSON.stringify([
    event.seq,
    event.occurredAt,
    event.actorId,
    event.actorEmail,
    event.action,
    event.entityType,
    event.entityId,
    event.projectId,
    event.before,
    event.after,
    event.reason,
    event.requestId,
    event.ip,
  ]);
}

/** SHA-256 of `prevHash` followed by a canonical form, in hex. */
export function linkHash(prevHash: string, canonical: string): string {
  return sha("sha256", prevHash + canonical, "hex");
}

export function chainHash(prevHash: string, event: ChainedFields): string {
  return linkHash(prevHash, canonicalEvent(event));
}

export type StoredEvent = ChainedFields & { prevHash: string; hash: string };

/**
 * An event as the verifier checks it: its place and links, and `contentHash` — the hash its stored content and
 * stored link give (linkHash of prevHash and its canonical form), which must equal its stored `hash`.
 */
export type LinkedEvent = { seq: number; prevHash: string; hash: string; contentHash: string };

export function linkedEvent(event: StoredEvent): LinkedEvent {
  return { seq: event.seq, prevHash: event.prevHash, hash: event.hash, contentHash: chainHash(event.prevHash, event) };
}

export type ChainProblem = {
  seq: number;
  kind: "edited" | "deleted" | "inserted" | "reordered";
  detail: string;
};

export type ChainVerdict =
  { ok: true; count: number; headHash: string; headSeq: number } | { ok: false; count: number; problem: ChainProblem };

const LOOKAHEAD = 1000;

/**
 * Walks events in ascending seq order and reports the first break. The first anomaly is classified with a
 * look at the events that follow it (at most LOOKAHEAD), so memory stays flat on millions of events:
 * - deleted: a gap in seq, or an event linking to a hash found nowhere (its predecessor was removed and the rest renumbered);
 * - inserted: an event links past its predecessor to the one before — the predecessor is not part of the chain;
 * - reordered: an event links to one that appears later in the sequence (events were swapped);
 * - edited: an event's content no longer matches its hash, or its link was changed.
 * Deleting the newest events cannot be seen from inside the chain: compare the head hash with one written down outside.
 */
export function createChainVerifier() {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let headSeq = 0;
  const goodHashes = new Map<string, number>();
  let suspect: LinkedEvent[] | null = null;

  /** Returns false once enough events have been seen to stop reading. */
  function push(event: LinkedEvent): boolean {
    count++;
    if (suspect) {
      suspect.push(event);
      return suspect.length < LOOKAHEAD;
    }
    if (event.seq === expectedSeq && event.prevHash === expectedPrev && event.contentHash === event.hash) {
      goodHashes.set(event.hash, event.seq);
      // Only recent hashes are needed to diagnose an insertion: keep memory flat on millions of events.
      if (goodHashes.size > LOOKAHEAD) goodHashes.delete(goodHashes.keys().next().value!);
      expectedPrev = event.hash;
      expectedSeq++;
      headSeq = event.seq;
      return true;
    }
    suspect = [event];
    return true;
  }

  function diagnose(events: LinkedEvent[]): ChainProblem {
    const event = events[0];
    if (event.seq > expectedSeq) {
      return {
        seq: expectedSeq,
        kind: "deleted",
        detail: `sequence jumps from ${expectedSeq - 1} to ${event.seq}: event(s) ${expectedSeq}..${event.seq - 1} are missing`,
      };
    }
    if (event.seq < expectedSeq) {
      return { seq: event.seq, kind: "inserted", detail: `sequence number ${event.seq} appears twice` };
    }
    if (event.prevHash !== expectedPrev) {
      const linkedSeq = goodHashes.get(event.prevHash);
      if (linkedSeq !== undefined) {
        return {
          seq: event.seq - 1,
          kind: "inserted",
          detail: `event ${event.seq} links to event ${linkedSeq}, skipping event ${event.seq - 1}: that event is not part of the original chain`,
        };
      }
      const later = events.find((e) => e.hash === event.prevHash);
      if (later) {
        return {
          seq: event.seq,
          kind: "reordered",
          detail: `event ${event.seq} links to the event now numbered ${later.seq}: events were swapped`,
        };
      }
      if (event.contentHash === event.hash) {
        return {
          seq: event.seq,
          kind: "inserted",
          detail: `event ${event.seq} links to a hash that is nowhere in the chain: it was forged or inserted`,
        };
      }
      return {
        seq: event.seq,
        kind: "deleted",
        detail: `event ${event.seq} links to a hash that is nowhere in the chain: its predecessor was removed and the rest renumbered`,
      };
    }
    return {
      seq: event.seq,
      kind: "edited",
      detail: `event ${event.seq}'s content does not match its hash: it was changed after it was written`,
    };
  }

  function result(): ChainVerdict {
    if (suspect) return { ok: false, count, problem: diagnose(suspect) };
    return { ok: true, count, headHash: expectedPrev, headSeq };
  }

  return { push, result };
}

export function verifyChain(events: Iterable<StoredEvent>): ChainVerdict {
  const verifier = createChainVerifier();
  for (const event of events) {
    if (!verifier.push(linkedEvent(event))) break;
  }
  return verifier.result();
}
