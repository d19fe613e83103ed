// opencc-js exports its dictionaries and locale chains as './*' (dist/esm-lib/*.js) without type declarations:
// each dictionary is one string ("trad simp|trad simp|…"), each chain a list of groups of dictionaries.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/from/*' {
  const chain: readonly (readonly string[])[];
  export default chain;
}
declare module 'opencc-js/to/*' {
  const chain: readonly (readonly string[])[];
  export default chain;
}
