import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../platform/permissions/actor.ts';

/** The language of a printed page: asked for, else the reader's. */
export function printLang(asked: 'zh-CN' | 'en' | undefined, actor: Actor): 'zh-CN' | 'en' {
  return asked ?? (actor.locale.startsWith('zh') ? 'zh-CN' : 'en');
}

/** Sends a printable page: HTML that may style itself and nothing else (no scripts, no fetches). */
export function sendHtml(reply: FastifyReply, html: string): Buffer {
  reply.header('content-type', 'text/html; charset=utf-8');
  reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'private, no-store');
  return Buffer.from(html, 'utf8');
}
