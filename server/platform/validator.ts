import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifySchemaCompiler, FastifyServerOptions } from 'fastify';

type RouteCompiler = FastifySchemaCompiler<unknown>;

/**
 * Ajv options of every request part, on top of Fastify's defaults (ajv-formats, fast-uri…).
 * Querystring, params and headers arrive as text, so they are coerced (`?limit=50` → 50,
 * `?unlinked=true` → true); a JSON body is validated without coercion ({@link validatorFactory}).
 */
export const AJV_OPTIONS = {
  customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true },
} satisfies FastifyServerOptions['ajv'];

/**
 * Fastify's own validator factory (@fastify/ajv-compiler), twice: a JSON body already carries its
 * types, so `{"qr": 16599}`, `{"qr": ["SB1"]}` or `{"qr": null}` is refused (400 VALIDATION, API.md)
 * rather than coerced to a string; every other part keeps the coercing instance. Both instances
 * come from Fastify's pool, so schemas added with `addSchema` reach them as they would the default.
 */
export function validatorFactory(): AjvCompiler.BuildCompilerFromPool {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    if (options?.mode === 'JTD') {
      throw new Error('The app validates JSON Schema (TypeBox), not JTD.');
    }
    // The published types describe the compiler's argument as the bare schema; Fastify passes
    // the route definition ({ schema, method, url, httpPart }), which is what the compiler reads.
    const coercing = pool(externalSchemas, options) as unknown as RouteCompiler;
    const exact = pool(externalSchemas, {
      ...options,
      customOptions: { ...options?.customOptions, coerceTypes: false },
    }) as unknown as RouteCompiler;
    const compile: RouteCompiler = (route) =>
      route.httpPart === 'body' ? exact(route) : coercing(route);
    return compile as unknown as ReturnType<AjvCompiler.BuildCompilerFromPool>;
  };
}
