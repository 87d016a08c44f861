import type { Actor as ActorKind, Permission, Role } from '@ilteo/shared';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/kysely.js';

/** Who is making a request, as policies need to know it. */
export interface Actor {
  /** `system` is the command line and scheduled jobs; it never comes from a request. */
  kind: ActorKind | 'system';
  userId: number | null;
  organisationId: number | null;
  unitIds: number[];
  employerId: number | null;
}

/** What a service receives besides its input. */
export interface Ctx {
  db: Db;
  actor: Actor;
  requestId: string;
}

export const ANONYMOUS: Actor = {
  kind: 'public',
  userId: null,
  organisationId: null,
  unitIds: [],
  employerId: null,
};

/** The actor of command-line work, audited as `system`. */
export const SYSTEM: Actor = {
  kind: 'system',
  userId: null,
  organisationId: null,
  unitIds: [],
  employerId: null,
};

/** A signed-in actor: services that need a user narrow to this. */
export type UserActor = Actor & { kind: Role; userId: number; organisationId: number };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Hash of the session token, when the request carries a live session. */
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** The permission a route requires; every /api/v1 route must declare one. */
    permission?: Permission;
  }
  interface FastifyInstance {
    db: Db;
  }
}

/** The service context of a request. */
export function ctxOf(request: FastifyRequest): Ctx {
  return { db: request.server.db, actor: request.actor, requestId: request.id };
}
