#!/usr/bin/env node
import { buildCli } from './program.js';

buildCli()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
