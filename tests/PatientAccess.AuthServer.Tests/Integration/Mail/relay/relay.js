// A real SMTP relay for the authserver's mail tests (Nodemailer's smtp-server), run by SmtpRelay.cs.
//
//   node relay.js --port 2525 --user relay-user --out DIR [--refuse-messages]
//   (the password comes from RELAY_PASSWORD, so it is not on the process list)
//
// Plain SMTP on 127.0.0.1 (no STARTTLS: the tests set Mail:SmtpUseTls=false); AUTH PLAIN or
// LOGIN is required before MAIL FROM. Each accepted message is written raw to DIR as N.eml,
// with N.json beside it holding the envelope and the user who authenticated; N.json is
// renamed into place first and N.eml last, so a reader that sees N.eml sees both whole.
// A recipient whose address contains "reject" gets 550 at RCPT TO; with --refuse-messages
// every message is refused with 554 after its data, as a relay that turns mail away does.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { SMTPServer } = require('smtp-server');

function argument(name) {
  const index = process.argv.indexOf(name);
  return index > 0 && index + 1 < process.argv.length ? process.argv[index + 1] : undefined;
}

const port = Number(argument('--port'));
const user = argument('--user');
const password = process.env.RELAY_PASSWORD;
const out = argument('--out');
const refuseMessages = process.argv.includes('--refuse-messages');
if (!Number.isInteger(port) || port < 1 || port > 65535 || !user || !password || !out) {
  console.error('usage: RELAY_PASSWORD=... node relay.js --port N --user U --out DIR [--refuse-messages]');
  process.exit(2);
}

fs.mkdirSync(out, { recursive: true });
// A relay restarted on the same folder goes on numbering after what it kept before.
let count = fs.readdirSync(out).filter(name => name.endsWith('.eml')).length;

function writeAtomically(file, data) {
  fs.writeFileSync(file + '.tmp', data);
  fs.renameSync(file + '.tmp', file);
}

const server = new SMTPServer({
  name: 'relay.test',
  disabledCommands: ['STARTTLS'],
  authMethods: ['PLAIN', 'LOGIN'],
  allowInsecureAuth: true,
  authOptional: false,
  logger: false,
  onAuth(auth, session, callback) {
    if (auth.username === user && auth.password === password) {
      console.log(`auth ${auth.method} ok for ${auth.username}`);
      return callback(null, { user: auth.username });
    }

    console.log(`auth ${auth.method} refused for ${auth.username}`);
    return callback(new Error('Invalid username or password'));
  },
  onRcptTo(address, session, callback) {
    if (address.address.toLowerCase().includes('reject')) {
      const error = new Error('5.1.1 Mailbox unavailable');
      error.responseCode = 550;
      return callback(error);
    }

    return callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', chunk => chunks.push(chunk));
    stream.on('end', () => {
      if (refuseMessages) {
        const error = new Error('5.7.1 Message refused by policy');
        error.responseCode = 554;
        return callback(error);
      }

      count += 1;
      const name = String(count).padStart(4, '0');
      writeAtomically(path.join(out, name + '.json'), JSON.stringify({
        user: session.user ?? null,
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        rcptTo: session.envelope.rcptTo.map(r => r.address),
      }));
      writeAtomically(path.join(out, name + '.eml'), Buffer.concat(chunks));
      console.log(`message ${name} accepted`);
      return callback(null, 'queued as ' + name);
    });
  },
});

server.on('error', error => console.error('smtp error: ' + error.message));
server.listen(port, '127.0.0.1', () => console.log(`listening on 127.0.0.1:${port}`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
