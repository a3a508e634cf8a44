/** The shape every language must have: the Danish source with each sentence widened to string. */
export type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
