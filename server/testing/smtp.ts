/** A real SMTP receiver for tests: messages arrive through the network, parsed by mailparser. */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

export interface SmtpReceiver {
  url: string;
  messages: ReceivedMail[];
  /** Waits for a message to `to` whose subject matches (5 s at most). */
  waitFor(to: string, subject?: RegExp): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Listens on `port` (any free one by default). */
export async function startSmtpReceiver(port = 0): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address ?? "") ?? []).join(", ");
          messages.push({ to, subject: mail.subject ?? "", text: mail.text ?? "" });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    async waitFor(to, subject) {
      for (let i = 0; i < 100; i++) {
        const found = messages.find((m) => m.to === to && (!subject || subject.test(m.subject)));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no mail to ${to}; received: ${messages.map((m) => `${m.to} « ${m.subject} »`).join(", ")}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link of a mail to the app. */
export function linkIn(mail: ReceivedMail): URL {
  const match = /http:\/\/localhost:3000\/\S+/.exec(mail.text);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return new URL(match[0]);
}
