import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'answergate:isPublic';

/** Marks a route or controller as open: the bearer guard lets it through (health, metrics). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
