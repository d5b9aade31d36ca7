/**
 * The docs generator (`generateGraphQLDocuments`, which the statements come from) renders each operation with
 * `handlebars.compile(operationTemplate)(operation)`: it compiles the same template text again for every
 * operation (about 450 for 50 models, half of the generator's time). A compiled Handlebars template is a
 * function of its text and compile options — helpers and partials are looked up each time it runs — and
 * rendering one template many times is how Handlebars is meant to be used. So, on the Handlebars copy the docs
 * generator loads, `compile` keeps the template it returns per text and options and hands the same one back.
 * Output is unchanged (`generatorParity.test.ts` compares with the generators run untouched).
 */
import { generatorModule } from './generatorModules.js';

type Compile = (input: unknown, options?: object) => unknown;

const MAX_TEMPLATES = 100;
let installed = false;

/** Install on the docs generator's Handlebars (idempotent). */
export const useHandlebarsOnce = (): void => {
  if (installed) return;
  installed = true;
  const handlebars = generatorModule<{ compile: Compile & { sandlotOnce?: boolean } }>('docs-generator', 'handlebars/dist/handlebars');
  if (handlebars.compile.sandlotOnce) return;
  const compile = handlebars.compile;
  const templates = new Map<string, unknown>();
  const compileOnce: Compile = (input, options) => {
    if (typeof input !== 'string') return compile(input, options);
    const key = `${JSON.stringify(options ?? null)}\n${input}`;
    let template = templates.get(key);
    if (template === undefined) {
      template = compile(input, options);
      if (templates.size >= MAX_TEMPLATES) templates.clear();
      templates.set(key, template);
    }
    return template;
  };
  handlebars.compile = Object.assign(compileOnce, { sandlotOnce: true });
};
