// Query stemmers for the site's search, by language (lrp-search.js uses the one of <html lang>).
//
// Pagefind has no Latvian stemmer, but it matches every query word as the beginning of a word
// of the index, and it folds diacritics on both sides ("Viļakā" is searched as "vilaka"). So a
// query word reduced to the part that all its forms share meets them all: "seminārā", "semināri"
// and "seminārs" all become "seminar", and the search looks for the words of the index with
// that stem. The Latvian stemmer below works on folded words, as the index is folded:
//
// - it strips the longest inflectional ending of a noun, adjective, participle or verb
//   (seminār|s, pašvaldīb|ās, plānot|ajiem, popularizē|šana, plāno|t), if at least MIN_STEM letters stay,
//   with a vowel among them, so that a short word does not become the beginning of everything
//   ("romu", "dati" and "Rīga" stay as they are);
// - it undoes the consonant alternations of a stem's last consonant, so that both forms meet.
//   Folded, n/ņ, l/ļ, c/č, s/š and z/ž are the same letter already; a labial's inserted j
//   (sanāksm|ju, p/pj, b/bj, m/mj, v/vj) is dropped; t/š, d/ž, k/c and g/dz differ in their last
//   consonant, which is left out (sieviet|e and sievieš|u both become "sievie", jauniet|is and
//   jaunieš|iem "jaunie"), but only where MIN_CUT letters stay (palīg|s stays "palig");
// - it tells the kind of the ending it stripped (a case ending, a -šana noun's, a verb's), so that
//   the search (lrp-search.js) looks for the words of the index with the query word's stem and
//   kind only (related): the stem is not searched as the beginning of every word.
//
// Names and places decline like other nouns (Ventspil|s, Ventspil|ī; Viļak|a, Viļak|ā), so
// they are found in every form. Words with digits or other scripts are left as typed.
// The file is also a CommonJS module, for tests outside a browser.
(function (root) {
  "use strict";

  const MIN_STEM = 4;
  const MIN_CUT = 5;
  // Folded endings (ā, ē, ī, ū are a, e, i, u and š is s here), by the kind of word they end:
  // a word's family is the words of its stem and its kind (see related).
  const KINDS = {
    // the infinitive (attīstīt, plānot) and reflexive verbs (mācīties)
    verb: ["amies", "aties", "ties", "t"],
    // nouns made of verbs with -šana (popularizēšana, stiprināšanai, plānošanu)
    action: ["sanas", "sanai", "sanam", "sana", "sanu"],
    // case endings of nouns, adjectives and participles (which decline as adjectives), definite
    // ones too (-ajiem, -ajām, -ajos, …)
    nominal: [
      "ajiem", "ajam", "ajai", "ajos", "ajas",
      "iem", "aja", "ais", "ies",
      "ai", "ei", "am", "em", "im", "um", "us", "as", "es", "os", "ij", "is", "ie",
      "u", "a", "i", "e", "o", "s",
    ],
  };
  // Longest first: the longest ending that leaves a stem is stripped.
  const ENDINGS = Object.entries(KINDS)
    .flatMap(([kind, endings]) => endings.map((ending) => [ending, kind]))
    .sort((a, b) => b[0].length - a[0].length);
  const VOWEL = /[aeiou]/;
  const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu; // what Pagefind drops from a query

  /** A word as Pagefind's index files it: lower case, without diacritics. */
  function fold(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  /** The words of a query, as Pagefind reads them: split at spaces, punctuation dropped, folded. */
  function words(query) {
    return query
      .split(/\s+/)
      .map((word) => fold(word.replace(PUNCTUATION, "")))
      .filter(Boolean);
  }

  function alternate(stem) {
    if (/[bmpv]j$/.test(stem)) return stem.slice(0, -1);
    const cut = stem.endsWith("dz") ? 2 : /[cdgkstz]$/.test(stem) ? 1 : 0;
    return cut && stem.length - cut >= MIN_CUT ? stem.slice(0, -cut) : stem;
  }

  /** The ways ``word`` splits into a stem and an ending (see stem) as {stem, kind}: the kind of
      the ending is ``verb``, ``action`` (a -šana noun) or ``nominal``, which is also the kind of
      a word with no ending to strip (kept whole). The longest ending's split comes first (the
      word's stem); the others too, as an ending may also be a shorter one after a letter of
      the stem (skolotāj|iem, not skolot|ājiem). Words with digits or other scripts: none. */
  function analyses(word) {
    const folded = fold(word);
    if (!/^[a-z]+$/.test(folded)) return [];
    const found = [];
    for (const [ending, kind] of ENDINGS) {
      if (folded.length - ending.length >= MIN_STEM && folded.endsWith(ending)) {
        const rest = folded.slice(0, -ending.length);
        // An infinitive's stem keeps its last consonant (apspries|t, apspriest|as: "apspries").
        if (VOWEL.test(rest)) found.push({ stem: ending === "t" ? rest : alternate(rest), kind });
      }
    }
    return found.length ? found : [{ stem: folded, kind: "nominal" }];
  }

  /** The stem of one word, folded; the folded word itself where it has no ending to strip. */
  function stem(word) {
    const [first] = analyses(word);
    return first ? first.stem : fold(word);
  }

  /** How ``word`` (folded, of the index) is related to ``query``: "kin" where one of their splits
      has the same stem and the same kind of ending (the query word's family), "stem" where
      only the stem is the same, else null. So a -šana noun's kin are not the participles and
      the infinitive of its verb (plānošana: not plānots, plānot), and no word of another stem
      that begins alike is related (tiesa: not tiesības). */
  function related(query, word) {
    const mine = analyses(query);
    const theirs = analyses(word);
    const same = (a, b) => a.stem === b.stem;
    if (mine.some((a) => theirs.some((b) => same(a, b) && a.kind === b.kind))) return "kin";
    return mine.some((a) => theirs.some((b) => same(a, b))) ? "stem" : null;
  }

  /** The query to search besides the one typed: each word stemmed, or null where nothing changed
      (or for an exact phrase in quotes, which Pagefind searches as written). */
  function stemQuery(query) {
    if (/^\s*".+"\s*$/.test(query)) return null;
    const typed = words(query);
    const stems = typed.map(stem);
    return stems.some((value, index) => value !== typed[index]) ? stems.join(" ") : null;
  }

  const latvian = { fold, words, stem, analyses, related, stemQuery };
  if (typeof module === "object" && module.exports) {
    module.exports = latvian;
  } else {
    root.lrpStemmers = Object.assign(root.lrpStemmers || {}, { lv: latvian });
  }
})(typeof window === "undefined" ? globalThis : window);
