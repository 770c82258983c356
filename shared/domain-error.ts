/**
 * A rule the domain refused. `code` selects a localised message (see `i18n/`), `params` fill it,
 * and `field` names the input it concerns so a form can show the error next to that input.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Readonly<Record<string, string | number>> = {},
    readonly field?: string,
  ) {
    super(`${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'DomainError';
  }
}

/** Several refused rules reported together (e.g. every violated team-composition rule). */
export class DomainErrors extends Error {
  constructor(readonly errors: readonly DomainError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'DomainErrors';
  }
}
