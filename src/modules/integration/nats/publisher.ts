import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamClient,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import type { DeliveredEvent } from '../../../platform/outbox/subscribers.ts';

/**
 * Business events to NATS JetStream (optional, when NATS_URL is set). This file is the NATS side only:
 * the connection, the stream and one publish. The outbox subscriber never publishes (no network call
 * inside a database transaction, and a NATS outage must not hold back the outbox): it writes the event
 * to `integration_nats_pending`, and the retrier (pending.ts) publishes and deletes it once acknowledged.
 */
export const STREAM = 'TANDEM_EVENTS';
export const SUBJECT_ROOT = 'tandem';
// Longer than any retrier backoff, so a retry after an ack that was never recorded is dropped by the stream.
const DUPLICATE_WINDOW_NS = 2 * 60 * 60 * 1e9;

export interface NatsPublisherOptions {
  /** The stream to publish into (created on first connect when missing). */
  stream?: string;
  /** The first subject token: `<root>.<companyId>.<event type>`. */
  subjectRoot?: string;
  connectTimeoutMs?: number;
  publishTimeoutMs?: number;
}

/** What the stream receives for one event: its id (the message id), subject parts and exact body. */
export interface NatsMessage {
  eventId: string;
  companyId: string;
  eventType: string;
  payloadVersion: number;
  body: string;
}

export interface NatsPublisher {
  readonly url: string;
  readonly stream: string;
  readonly subjectRoot: string;
  subjectOf(companyId: string, eventType: string): string;
  /** Connects and makes sure the stream exists, unless connected already; throws when NATS cannot be reached. */
  ready(): Promise<void>;
  /** Publishes and waits for the stream's acknowledgement; `duplicate` when the stream already had it. */
  publish(message: NatsMessage): Promise<{ duplicate: boolean; seq: number }>;
  close(): Promise<void>;
}

/** Subject tokens may not hold whitespace, `.`, `*` or `>`; event types are ours, this is a guard. */
function token(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The message body: the event with its envelope, stable across retries. */
export function messageBody(event: DeliveredEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    companyId: event.companyId,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    payloadVersion: event.payloadVersion,
    timestamp: event.createdAt,
    data: event.payload,
  });
}

async function ensureStream(nc: NatsConnection, stream: string, subjectRoot: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(stream);
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.StreamNotFound) throw error;
    // Created with the server's default limits; an operator may change limits or retention afterwards.
    await jsm.streams.add({
      name: stream,
      subjects: [`${subjectRoot}.>`],
      duplicate_window: DUPLICATE_WINDOW_NS,
    });
  }
}

export function createNatsPublisher(url: string, options: NatsPublisherOptions = {}): NatsPublisher {
  const stream = options.stream ?? STREAM;
  const subjectRoot = options.subjectRoot ?? SUBJECT_ROOT;
  let connection: NatsConnection | null = null;
  let js: JetStreamClient | null = null;
  let connecting: Promise<void> | null = null;

  const open = async () => {
    const nc = await connect({
      servers: url,
      name: 'tandem',
      // Once connected the client reconnects by itself; a first connect that fails is retried by the retrier.
      maxReconnectAttempts: -1,
      timeout: options.connectTimeoutMs ?? 5000,
    });
    try {
      await ensureStream(nc, stream, subjectRoot);
    } catch (error) {
      await nc.close();
      throw error;
    }
    connection = nc;
    js = jetstream(nc);
  };

  const publisher: NatsPublisher = {
    url,
    stream,
    subjectRoot,
    subjectOf: (companyId, eventType) =>
      [subjectRoot, token(companyId), ...eventType.split('.').map(token)].join('.'),
    async ready() {
      if (connection && !connection.isClosed()) return;
      connecting ??= open().finally(() => {
        connecting = null;
      });
      await connecting;
    },
    async publish(message) {
      await publisher.ready();
      const h = headers();
      h.set('Tandem-Event-Type', message.eventType);
      h.set('Tandem-Payload-Version', String(message.payloadVersion));
      const ack = await js!.publish(publisher.subjectOf(message.companyId, message.eventType), message.body, {
        msgID: message.eventId,
        expect: { streamName: stream },
        headers: h,
        timeout: options.publishTimeoutMs ?? 5000,
      });
      return { duplicate: ack.duplicate, seq: ack.seq };
    },
    async close() {
      await connecting?.catch(() => {});
      const nc = connection;
      connection = null;
      js = null;
      if (nc && !nc.isClosed()) await nc.close();
    },
  };
  return publisher;
}
