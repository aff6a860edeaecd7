/** Authentication (bearer token or client certificate, as kube-apiserver) and a minimal verb-level RBAC. */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { randomBytes } from 'node:crypto';
import { unauthorized } from './kube-status.js';
import type { KubeUser } from './scenario.js';

export const ALL_VERBS = ['get', 'list', 'watch', 'patch'];

export class KubeAuth {
  readonly users: Array<Required<Pick<KubeUser, 'name' | 'token' | 'verbs'>> & { groups: string[] }>;

  constructor(users: KubeUser[] | undefined) {
    const list = users && users.length > 0 ? users : [{ name: 'admin', groups: ['system:masters'] }];
    this.users = list.map((u) => ({
      name: u.name,
      token: u.token ?? `sim-${randomBytes(16).toString('hex')}`,
      verbs: u.verbs ?? ALL_VERBS,
      groups: u.groups ?? [],
    }));
  }

  /** The user behind the request: bearer token first, then a verified client certificate's CN. */
  authenticate(req: IncomingMessage): KubeAuth['users'][number] {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const user = this.users.find((u) => u.token === header.slice(7).trim());
      if (user) return user;
      throw unauthorized(); // a wrong token is not retried as anonymous
    }
    const socket = req.socket as TLSSocket;
    if (socket.encrypted && socket.authorized) {
      const cn = socket.getPeerCertificate()?.subject?.CN;
      const user = this.users.find((u) => u.name === cn);
      if (user) return user;
    }
    throw unauthorized();
  }
}
