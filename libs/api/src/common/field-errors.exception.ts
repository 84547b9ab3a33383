import { ValidationError } from 'class-validator';
import { Locale, validationMessage } from '@o2o/i18n';

export interface FieldError {
  field: string;
  reason: string;
  message: string;
}

/** Invalid input, with every failing field (nested ones as `a.b[0].c`) and the constraint it broke. */
export class FieldErrorsException extends Error {
  constructor(private readonly validationErrors: ValidationError[]) {
    super('Validation failed');
  }

  localized(locale: Locale): FieldError[] {
    const out: FieldError[] = [];
    const walk = (errors: ValidationError[], prefix: string) => {
      for (const error of errors) {
        const field = prefix ? (/^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : error.property;
        for (const [constraint, english] of Object.entries(error.constraints ?? {})) {
          out.push({ field, reason: constraint, message: validationMessage(locale, constraint, field, english) });
        }
        if (error.children?.length) walk(error.children, field);
      }
    };
    walk(this.validationErrors, '');
    return out;
  }
}
