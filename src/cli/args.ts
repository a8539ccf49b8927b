import { type ParseArgsConfig, parseArgs } from 'node:util';
import { RESOURCE_BY_NAME, RESOURCES, type RegistryResource } from '../services/registry/resources.js';
import { CliError } from './errors.js';

/** `parseArgs` in strict mode; a bad or unknown argument becomes a usage error (exit 2). */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message} Run with --help for the options.`);
  }
}

export function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`--${option} must be one of: ${allowed.join(', ')} (got "${value}").`);
  }
  return value as T;
}

export function resourceNamed(name: string | undefined): RegistryResource | undefined {
  if (name === undefined) return undefined;
  const resource = RESOURCE_BY_NAME.get(name);
  if (!resource) {
    throw new CliError(`unknown resource "${name}"; use one of: ${RESOURCES.map((r) => r.name).join(', ')}.`);
  }
  return resource;
}

export const RESOURCE_NAMES = () => RESOURCES.map((r) => r.name).join(', ');
