// Outgoing mail. Every message is recorded in outbox_mails. With SMTP_URL set it goes out
// through nodemailer; without, it stays in the outbox (admin page) and is written as an .eml
// file under DATA_DIR/outbox/ so the demo works offline.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Database } from '../db/client.ts';
import { insertOutboxMail, markOutboxMail } from '../db/repositories/outbox.repository.ts';
import type { Logger } from './logger.ts';

export interface MailMessage {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ id: string; status: 'sent' | 'stored' | 'failed' }>;
  close(): void;
}

export function createMailer(options: { database: Database; smtpUrl?: string | undefined; from: string; outboxDir: string; logger: Logger }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(message) {
      const id = await options.database.withPlatform((tx) =>
        insertOutboxMail(tx, { tenantId: message.tenantId, toAddress: message.to, subject: message.subject, textBody: message.text, status: transport ? 'queued' : 'stored' }),
      );
      if (!transport) {
        await mkdir(options.outboxDir, { recursive: true });
        const eml = [`From: ${options.from}`, `To: ${message.to}`, `Subject: ${message.subject}`, 'Content-Type: text/plain; charset=utf-8', '', message.text].join('\r\n');
        await writeFile(path.join(options.outboxDir, `${new Date().toISOString().replaceAll(':', '-')}-${id}.eml`), eml, 'utf8');
        return { id, status: 'stored' };
      }
      try {
        await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
        await options.database.withPlatform((tx) => markOutboxMail(tx, id, 'sent', null));
        return { id, status: 'sent' };
      } catch (error) {
        options.logger.error({ err: error, mailId: id }, 'mail delivery failed');
        await options.database.withPlatform((tx) => markOutboxMail(tx, id, 'failed', error instanceof Error ? error.message : String(error)));
        return { id, status: 'failed' };
      }
    },
    close() {
      transport?.close();
    },
  };
}
