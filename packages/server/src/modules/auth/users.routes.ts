import {
  CreateStaffBody,
  IdParams,
  ResetPasswordResponse,
  UpdateUserBody,
  UserListItem,
  UserListQuery,
  UserPage,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { browseUsers, changeUser, createStaff, readUser, resetPassword } from './users.service.js';

/** Account administration: admins only. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { permission: 'users.manage' } as const;
  const tags = ['admin'];

  app.get(
    '/admin/users',
    { config, schema: { tags, querystring: UserListQuery, response: { 200: UserPage } } },
    (r) => browseUsers(ctxOf(r), r.query),
  );
  app.post(
    '/admin/users',
    { config, schema: { tags, body: CreateStaffBody, response: { 201: UserListItem } } },
    async (r, reply) => reply.status(201).send(await createStaff(ctxOf(r), r.body)),
  );
  app.get(
    '/admin/users/:id',
    { config, schema: { tags, params: IdParams, response: { 200: UserListItem } } },
    (r) => readUser(ctxOf(r), r.params.id),
  );
  app.patch(
    '/admin/users/:id',
    { config, schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: UserListItem } } },
    (r) => changeUser(ctxOf(r), r.params.id, r.body),
  );
  app.post(
    '/admin/users/:id/reset-password',
    { config, schema: { tags, params: IdParams, response: { 200: ResetPasswordResponse } } },
    (r) => resetPassword(ctxOf(r), r.params.id),
  );
};
