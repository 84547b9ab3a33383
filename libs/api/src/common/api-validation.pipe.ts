import { ValidationPipe } from '@nestjs/common';
import { FieldErrorsException } from './field-errors.exception';

/** DTOs in: unknown fields rejected, types converted explicitly by the DTOs, every failing field reported. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new FieldErrorsException(errors),
  });
}
